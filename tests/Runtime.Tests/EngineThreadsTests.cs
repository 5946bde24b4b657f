using System;
using Xunit;
using static TorchSharp.torch;

namespace Gen.Runtime.Tests
{
    /// <summary>GEN_THREADS: validated, and applied to libtorch through torch.set_num_threads.</summary>
    public sealed class EngineThreadsTests
    {
        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("  ")]
        public void An_unset_or_empty_value_leaves_the_default(string? value) => Assert.Null(EngineThreads.Parse(value));

        [Theory]
        [InlineData("1", 1)]
        [InlineData("2", 2)]
        [InlineData(" 16 ", 16)]
        public void A_positive_integer_is_the_thread_count(string value, int expected) => Assert.Equal(expected, EngineThreads.Parse(value));

        [Theory]
        [InlineData("0")]
        [InlineData("-2")]
        [InlineData("two")]
        [InlineData("1.5")]
        [InlineData("+3")]
        [InlineData("99999999999")]
        public void Anything_else_is_rejected_with_the_value_quoted(string value)
        {
            var e = Assert.Throws<EnvironmentVariableException>(() => EngineThreads.Parse(value));
            Assert.Equal("GEN_THREADS", e.Variable);
            Assert.Contains("GEN_THREADS", e.Message);
            Assert.Contains($"'{value}'", e.Message);
        }

        [Fact]
        public void Apply_sets_libtorch_intra_op_threads_and_reports_them()
        {
            var before = get_num_threads();
            try
            {
                var target = before == 1 ? 2 : 1;
                Assert.Equal(target, EngineThreads.Apply(target));
                Assert.Equal(target, get_num_threads());
                Assert.Equal(target, EngineThreads.Apply(null));
            }
            finally
            {
                set_num_threads(before);
            }
        }
    }
}
