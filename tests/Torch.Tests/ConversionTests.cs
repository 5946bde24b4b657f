using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Gen.Torch.Tests
{
    /// <summary>Factories from arrays, dtype and device conversions, metadata (torchsharp-api.md §2, §8, §9).</summary>
    public class ConversionTests
    {
        [Fact]
        public void Tensor_from_a_2D_array_keeps_its_shape_and_row_major_values()
        {
            using var scope = NewDisposeScope();
            var t = torch.tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
            Assert.Equal(new long[] { 2, 3 }, t.shape);
            Assert.Equal(6f, t[1, 2].item<float>());
            var l = torch.tensor(new long[] { 3, 1, 2 });
            Assert.Equal(ScalarType.Int64, l.dtype);
        }

        [Fact]
        public void To_dtype_converts_values_and_keeps_the_device()
        {
            using var scope = NewDisposeScope();
            var t = torch.tensor(new float[] { 1.5f, -2.5f });
            var d = t.to(ScalarType.Float64);
            Assert.Equal(ScalarType.Float64, d.dtype);
            Assert.Equal(new[] { 1.5, -2.5 }, d.data<double>().ToArray());
            Assert.Equal(ScalarType.Int64, t.@long().dtype);
            Assert.Equal(new[] { 1L, -2L }, t.@long().data<long>().ToArray());
            Assert.Equal(ScalarType.Float32, d.@float().dtype);
            Assert.Equal(DeviceType.CPU, t.device_type);
            Assert.Equal("cpu", t.device.ToString());
            Assert.Equal(DeviceType.CPU, t.to(CPU).device_type);
            Assert.Equal(DeviceType.CPU, t.to("cpu").device_type);
        }

        [Fact]
        public void Factories_take_dtype_and_requires_grad()
        {
            using var scope = NewDisposeScope();
            var z = torch.zeros(2, 3, dtype: ScalarType.Float64);
            Assert.Equal(ScalarType.Float64, z.dtype);
            Assert.All(z.data<double>().ToArray(), v => Assert.Equal(0.0, v));
            var o = torch.ones(new long[] { 2, 2 }, requires_grad: true);
            Assert.True(o.requires_grad);
            Assert.Equal(new long[] { 4, 1, 2, 3 }, torch.empty(4, 1, 2, 3).shape);
            Assert.Equal(ScalarType.Float32, torch.rand(3).dtype);
            Assert.All(torch.rand(1000).data<float>().ToArray(), v => Assert.InRange(v, 0f, 1f));
            Assert.Equal(4L, torch.ones(4).sum().item<float>(), 6);
        }

        [Fact]
        public void ToString_gives_metadata()
        {
            using var scope = NewDisposeScope();
            var s = torch.zeros(2, 3).ToString();
            Assert.Contains("2x3", s);
            Assert.Contains("Float32", s);
        }
    }
}
