using System;
using Gen.Inference;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Blocks
{
    /// <summary>Construction helpers shared by the residual blocks (no state of their own).</summary>
    internal static class BlockParts
    {
        /// <summary>
        /// torchvision's projection shortcut, keys <c>downsample.0</c> (1x1 conv, stride) and
        /// <c>downsample.1</c> (BN), or <see langword="null"/> when the identity fits.
        /// </summary>
        internal static Sequential? Downsample(long inplanes, long outplanes, long stride)
        {
            if (stride == 1 && inplanes == outplanes) return null;
            return ConvBatchNorm.Sequential(Conv2d(inplanes, outplanes, 1, stride: stride, bias: false));
        }

        internal static NamAttention? Nam(AttentionKind attention, long channels) =>
            attention is AttentionKind.Nam or AttentionKind.NamDetached ? new NamAttention(channels, detachWeight: attention == AttentionKind.NamDetached) : null;

        internal static SqueezeExcite? SE(AttentionKind attention, long channels) =>
            attention == AttentionKind.SE ? new SqueezeExcite(channels) : null;

        internal static DropPath? DropPath(double rate)
        {
            if (double.IsNaN(rate) || rate < 0.0 || rate >= 1.0)
                throw new ArgumentOutOfRangeException(nameof(rate), rate, "the drop-path rate must be in [0, 1).");
            return rate > 0.0 ? new DropPath(rate) : null;
        }

        internal static void Positive(long value, string name)
        {
            if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
        }

        internal static void CheckAttention(AttentionKind attention)
        {
            if (!Enum.IsDefined(typeof(AttentionKind), attention))
                throw new ArgumentOutOfRangeException(nameof(attention), attention, "unknown attention add-on.");
        }

        /// <summary>
        /// The end of every residual block: the add-on over the branch (NAM or SE), stochastic
        /// depth, the addition and the ReLU.
        /// </summary>
        internal static Tensor Finish(Tensor branch, Tensor identity, NamAttention? nam, SqueezeExcite? se, DropPath? dropPath)
        {
            if (nam is not null) branch = nam.call(branch);
            if (se is not null) branch = se.call(branch);
            if (dropPath is not null) branch = dropPath.call(branch);
            // In place, as torchvision does: the branch is always a fresh tensor (a batch norm's or a
            // product's output) whose backward does not read it, so autograd keeps its gradients.
            return branch.add_(identity).relu_();
        }
    }
}
