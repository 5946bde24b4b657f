using System;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Gen.Runtime.Tests
{
    /// <summary><see cref="MemoryLayout"/>: channels-last tensors as libtorch recognises them.</summary>
    public class MemoryLayoutTests
    {
        [Fact]
        public void ChannelsLast_keeps_shape_and_values_and_stores_the_channels_innermost()
        {
            using var x = arange(2 * 3 * 4 * 5, dtype: float32).reshape(2, 3, 4, 5);
            using var y = MemoryLayout.ChannelsLast(x);

            Assert.Equal(x.shape, y.shape);
            Assert.True(x.equal(y).all().item<bool>());
            Assert.Equal(new long[] { 4 * 5 * 3, 1, 5 * 3, 3 }, y.stride());
            Assert.True(MemoryLayout.IsChannelsLast(y));
            Assert.False(MemoryLayout.IsChannelsLast(x));
        }

        [Fact]
        public void A_convolution_of_a_channels_last_tensor_returns_channels_last()
        {
            using var conv = nn.Conv2d(3, 8, 3, padding: 1);
            using var x = MemoryLayout.ChannelsLast(randn(2, 3, 6, 7));
            using var y = conv.call(x);
            Assert.True(MemoryLayout.IsChannelsLast(y), $"strides [{string.Join(", ", y.stride())}]");
        }

        [Fact]
        public void ChannelsLast_of_a_channels_last_tensor_shares_its_storage()
        {
            using var x = MemoryLayout.ChannelsLast(arange(2 * 3 * 4 * 5, dtype: float32).reshape(2, 3, 4, 5));
            using var y = MemoryLayout.ChannelsLast(x);
            using var before = x.clone();
            y.add_(1);
            Assert.True((x - before).eq(1).all().item<bool>());
        }

        [Fact]
        public void ChannelsLast_refuses_a_tensor_that_is_not_four_dimensional()
        {
            using var x = randn(3, 4, 5);
            var e = Assert.Throws<ArgumentException>(() => MemoryLayout.ChannelsLast(x));
            Assert.Contains("[3, 4, 5]", e.Message);
        }
    }
}
