using Gen.Training;
using static TorchSharp.torch;

namespace Gen.Runtime.Tests
{
    public sealed class InputPipelineTests
    {
        [Fact]
        public void Flip_mirrors_about_half_the_images_left_right_and_leaves_the_rest()
        {
            using var scope = NewDisposeScope();
            manual_seed(3);
            var x = randn(256, 1, 5, 7);
            using var generator = new Generator(42);
            var y = InputPipeline.Augment(x, AugmentKind.Flip, generator);

            int flipped = 0;
            for (long i = 0; i < x.shape[0]; i++)
            {
                if (y[i].Equals(x[i].flip(2))) flipped++;
                else Assert.True(y[i].Equals(x[i]), $"image {i} is neither itself nor its mirror");
            }

            Assert.InRange(flipped, 96, 160);
        }

        [Theory]
        [InlineData(AugmentKind.Flip)]
        [InlineData(AugmentKind.FlipCrop)]
        public void Augmentation_repeats_exactly_for_the_same_generator_seed(AugmentKind kind)
        {
            using var scope = NewDisposeScope();
            manual_seed(5);
            var x = randn(64, 1, 8, 8);
            using var first = new Generator(7);
            using var second = new Generator(7);
            using var other = new Generator(8);

            var a = InputPipeline.Augment(x, kind, first);
            Assert.True(a.Equals(InputPipeline.Augment(x, kind, second)));
            Assert.False(a.Equals(InputPipeline.Augment(x, kind, other)));
            Assert.False(a.Equals(x));
        }

        [Fact]
        public void No_augmentation_returns_the_batch_as_it_is()
        {
            using var scope = NewDisposeScope();
            var x = randn(4, 1, 8, 8);
            using var generator = new Generator(1);
            Assert.Same(x, InputPipeline.Augment(x, AugmentKind.None, generator));
        }
    }
}
