using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Gen.Inference
{
    /// <summary>
    /// Deployment step: folds every batch norm of a Gen backbone that directly follows a convolution
    /// (each <see cref="FoldableBatchNorm2d"/>) into that convolution, so that an eval forward runs one
    /// convolution with a bias instead of a convolution and a normalization pass. Outputs agree with the
    /// unfolded model in eval mode to float32 rounding.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The folded model is for inference only: its folded batch norms have no statistics to update
    /// nor parameters to learn, and they throw if run in training mode. Keep (or reload) the unfolded
    /// model to train.
    /// </para>
    /// <para>
    /// Its state dict differs from the unfolded one: every folded batch norm's five entries
    /// (<c>weight</c>, <c>bias</c>, <c>running_mean</c>, <c>running_var</c>, <c>num_batches_tracked</c>)
    /// are gone, every folded convolution's <c>weight</c> holds the folded weight and a
    /// <c>&lt;conv&gt;.bias</c> entry follows it. A folded checkpoint loads into a model built and
    /// folded the same way, not into an unfolded one.
    /// </para>
    /// <para>
    /// Batch norms that do not follow a convolution stay as they are: NAM's channel-attention norm, CoAtNet's
    /// MBConv pre-norm, and the <c>bn2</c> after a CoT layer or a PSA module (which end in a softmax-weighted
    /// product, not a convolution).
    /// </para>
    /// </remarks>
    /// <example>
    /// <code>
    /// using var model = new Gen.Architectures.ResNet50();
    /// // ... load trained weights ...
    /// model.eval();
    /// int folded = BatchNormFolding.Fold(model);   // 53 for ResNet-50
    /// using (torch.inference_mode()) { var logits = model.call(images); }
    /// </code>
    /// </example>
    public static class BatchNormFolding
    {
        /// <summary>
        /// Folds every not-yet-folded <see cref="FoldableBatchNorm2d"/> in <paramref name="model"/> into its
        /// convolution and returns how many it folded. Folding an already folded model folds nothing and
        /// returns 0 (a no-op).
        /// </summary>
        /// <param name="model">The model, in eval mode.</param>
        /// <returns>The number of batch norms folded by this call.</returns>
        /// <exception cref="InvalidOperationException">
        /// <paramref name="model"/> (or any module in it) is in training mode: folding uses the running
        /// statistics, which only eval mode applies, and the folded model cannot train. Call <c>eval()</c> first.
        /// </exception>
        public static int Fold(nn.Module model)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            var pending = model.modules().Prepend(model).OfType<FoldableBatchNorm2d>().Where(bn => !bn.IsFolded).ToList();
            if (model.training || model.modules().Any(m => m.training))
            {
                throw new InvalidOperationException("batch-norm folding is for deployment: call eval() on the model first (folding uses the running statistics, and the folded model cannot train).");
            }

            using var guard = no_grad();
            foreach (var bn in pending)
            {
                bn.FoldIntoConv();
            }

            return pending.Count;
        }
    }
}
