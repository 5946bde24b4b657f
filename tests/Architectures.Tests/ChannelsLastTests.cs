using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Gen.Architectures.Tests
{
    /// <summary>
    /// Backbones made of Gen's blocks run channels-last (<see cref="MemoryLayout"/>): every
    /// convolution sees and returns channels-last tensors, from the stem to the last stage, and the
    /// feature maps handed to callers are NCHW-contiguous again. The parity suites prove the values.
    /// </summary>
    public class ChannelsLastTests
    {
        // name -> the declared image size (ReducedVariants.cs)
        private static readonly Dictionary<string, (Func<nn.Module<Tensor, Tensor>> Create, int Size)> Known = new()
        {
            [nameof(CoTNetTiny)] = (() => new CoTNetTiny(), 64),
            [nameof(ResNetNamBottleneckTiny)] = (() => new ResNetNamBottleneckTiny(), 16),
            [nameof(ResNetNamBasicTiny)] = (() => new ResNetNamBasicTiny(), 16),
            [nameof(EPSANetTiny)] = (() => new EPSANetTiny(), 48),
            [nameof(CoAtNetTiny)] = (() => new CoAtNetTiny(), 64),
        };

        public static TheoryData<string> Variants => new(Known.Keys);

        [Theory]
        [MemberData(nameof(Variants))]
        public void Every_convolution_runs_on_channels_last_tensors(string name)
        {
            using var model = Create(name, out var size);
            var seen = new List<string>();
            var removers = new List<Action>();
            foreach (var (path, module) in model.named_modules())
            {
                if (module is TorchSharp.Modules.Conv2d conv)
                {
                    removers.Add(conv.register_forward_hook((_, input, output) =>
                    {
                        seen.Add(path);
                        Assert.True(MemoryLayout.IsChannelsLast(input), $"{name}.{path}: input strides [{string.Join(", ", input.stride())}]");
                        Assert.True(MemoryLayout.IsChannelsLast(output), $"{name}.{path}: output strides [{string.Join(", ", output.stride())}]");
                        return output;
                    }).remove);
                }
            }

            model.train();
            using (var scope = NewDisposeScope())
            {
                model.call(randn(2, 3, size, size)).sum().backward();
            }

            removers.ForEach(remove => remove());
            Assert.Equal(model.named_modules().Count(m => m.module is TorchSharp.Modules.Conv2d), seen.Distinct().Count());
        }

        [Theory]
        [MemberData(nameof(Variants))]
        public void Feature_maps_come_out_NCHW_contiguous(string name)
        {
            using var model = Create(name, out var size);
            model.eval();
            using var scope = NewDisposeScope();
            using var guard = no_grad();
            var features = (Tensor[])model.GetType().GetMethod("ForwardFeatures")!.Invoke(model, new object[] { randn(2, 3, size, size) })!;
            Assert.NotEmpty(features);
            Assert.All(features, f => Assert.True(f.is_contiguous(), $"strides [{string.Join(", ", f.stride())}]"));
        }

        private static nn.Module<Tensor, Tensor> Create(string name, out int size)
        {
            manual_seed(0);
            size = Known[name].Size;
            return Known[name].Create();
        }
    }
}
