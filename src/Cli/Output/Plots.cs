using System.Collections.Generic;
using System.Linq;
using Gen.IO;
using Gen.Training;

namespace Gen.Cli.Output
{
    /// <summary>The pictures gen writes (ScottPlot), each saved atomically.</summary>
    internal static class Plots
    {
        /// <summary>Loss and accuracy per epoch, training and validation, side by side.</summary>
        public static void TrainingCurves(IReadOnlyList<EpochMetrics> history, string title, string path)
        {
            double[] epochs = history.Select(m => (double)m.Epoch).ToArray();
            var plot = new ScottPlot.Plot();
            var trainLoss = plot.Add.Scatter(epochs, history.Select(m => m.TrainLoss).ToArray());
            trainLoss.LegendText = "train loss (smoothed labels)";
            var validationLoss = plot.Add.Scatter(epochs, history.Select(m => m.ValidationLoss).ToArray());
            validationLoss.LegendText = "validation loss";
            var trainAccuracy = plot.Add.Scatter(epochs, history.Select(m => 100 * m.TrainAccuracy).ToArray());
            trainAccuracy.LegendText = "train accuracy (augmented)";
            trainAccuracy.LinePattern = ScottPlot.LinePattern.Dashed;
            trainAccuracy.Axes.YAxis = plot.Axes.Right;
            var validationAccuracy = plot.Add.Scatter(epochs, history.Select(m => 100 * m.ValidationAccuracy).ToArray());
            validationAccuracy.LegendText = "validation accuracy";
            validationAccuracy.LinePattern = ScottPlot.LinePattern.Dashed;
            validationAccuracy.Axes.YAxis = plot.Axes.Right;
            plot.Title($"{title}: loss (solid, left) and top-1 accuracy (dashed, right) per epoch");
            plot.XLabel("epoch");
            plot.Axes.Left.Label.Text = "cross-entropy";
            plot.Axes.Right.Label.Text = "accuracy %";
            plot.ShowLegend(ScottPlot.Alignment.MiddleRight);
            Save(path, plot.GetImage(1000, 560).GetImageBytes(ScottPlot.ImageFormat.Png));
        }

        /// <summary>The confusion matrix as a heat map: rows true class, columns predicted, cells the share of the row.</summary>
        public static void Confusion(long[,] counts, IReadOnlyList<string> classes, string title, string path)
        {
            int n = classes.Count;
            var share = new double[n, n];
            for (int i = 0; i < n; i++)
            {
                long total = 0;
                for (int j = 0; j < n; j++)
                {
                    total += counts[i, j];
                }

                for (int j = 0; j < n; j++)
                {
                    share[i, j] = total == 0 ? 0 : 100.0 * counts[i, j] / total;
                }
            }

            var plot = new ScottPlot.Plot();
            var map = plot.Add.Heatmap(share);
            map.Colormap = new ScottPlot.Colormaps.Viridis();
            map.FlipVertically = false;
            plot.Add.ColorBar(map).Label = "% of the true class";
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    var text = plot.Add.Text(counts[i, j].ToString(System.Globalization.CultureInfo.InvariantCulture), j, n - 1 - i);
                    text.LabelFontColor = share[i, j] > 50 ? ScottPlot.Colors.Black : ScottPlot.Colors.White;
                    text.LabelAlignment = ScottPlot.Alignment.MiddleCenter;
                }
            }

            double[] ticks = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
            plot.Axes.Bottom.SetTicks(ticks, classes.ToArray());
            plot.Axes.Left.SetTicks(ticks, classes.Reverse().ToArray());
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleRight;
            plot.Title(title);
            plot.XLabel("predicted");
            plot.YLabel("true");
            Save(path, plot.GetImage(900, 800).GetImageBytes(ScottPlot.ImageFormat.Png));
        }

        private static void Save(string path, byte[] png) => AtomicFile.Write(path, stream => stream.Write(png, 0, png.Length));
    }
}
