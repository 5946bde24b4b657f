using System;
using Gen.Data;
using static TorchSharp.torch;

namespace Gen.Training
{
    /// <summary>Top-1 accuracy, per-class accuracy and the confusion matrix of a model on a labelled set.</summary>
    public sealed class EvaluationResult
    {
        internal EvaluationResult(long[,] confusion, double loss, System.Collections.Generic.IReadOnlyList<string> classes)
        {
            Confusion = confusion;
            Loss = loss;
            Classes = classes;
        }

        /// <summary>Rows: true class; columns: predicted class; counts of images.</summary>
        public long[,] Confusion { get; }

        /// <summary>Mean cross-entropy.</summary>
        public double Loss { get; }

        /// <summary>Class names by index.</summary>
        public System.Collections.Generic.IReadOnlyList<string> Classes { get; }

        /// <summary>Images evaluated.</summary>
        public long Count
        {
            get
            {
                long total = 0;
                foreach (var c in Confusion)
                {
                    total += c;
                }

                return total;
            }
        }

        /// <summary>Top-1 accuracy in [0, 1].</summary>
        public double Accuracy
        {
            get
            {
                long correct = 0;
                for (int i = 0; i < Confusion.GetLength(0); i++)
                {
                    correct += Confusion[i, i];
                }

                return Count == 0 ? 0 : (double)correct / Count;
            }
        }

        /// <summary>Accuracy of class <paramref name="index"/> (recall), in [0, 1].</summary>
        public double ClassAccuracy(int index)
        {
            long total = 0;
            for (int j = 0; j < Confusion.GetLength(1); j++)
            {
                total += Confusion[index, j];
            }

            return total == 0 ? 0 : (double)Confusion[index, index] / total;
        }
    }

    /// <summary>Runs a model over a labelled set in eval mode, without gradients.</summary>
    public static class Evaluator
    {
        /// <summary>Evaluates <paramref name="model"/> on <paramref name="data"/>.</summary>
        public static EvaluationResult Evaluate(nn.Module<Tensor, Tensor> model, LabelledImages data, InputPipeline input, int batchSize = 500, Action<long, long>? progress = null)
        {
            model.eval();
            int classes = data.Classes.Count;
            var confusion = new long[classes, classes];
            double lossSum = 0;
            using var guard = no_grad();
            for (long start = 0; start < data.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                long n = Math.Min(batchSize, data.Count - start);
                var x = input.Prepare(data.Images.narrow(0, start, n));
                var y = data.Labels.narrow(0, start, n);
                var logits = model.call(x);
                if (logits.dim() != 2 || logits.shape[1] < classes)
                {
                    throw new InvalidOperationException($"the model's output is [{string.Join(", ", logits.shape)}]; classifying {classes} classes needs N x {classes}.");
                }

                lossSum += nn.functional.cross_entropy(logits, y).item<float>() * n;
                var predicted = logits.argmax(1).data<long>().ToArray();
                var truth = y.data<long>().ToArray();
                for (int i = 0; i < n; i++)
                {
                    confusion[truth[i], Math.Min(predicted[i], classes - 1)]++;
                }

                progress?.Invoke(start + n, data.Count);
            }

            return new EvaluationResult(confusion, lossSum / Math.Max(1, data.Count), data.Classes);
        }
    }
}
