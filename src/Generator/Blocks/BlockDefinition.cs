using Gen.Generator.Model;
using Gen.Generator.Planning;

namespace Gen.Generator.Blocks
{
    /// <summary>
    /// One block kind of the Gen.Blocks contract (src/Runtime/Blocks/README.md): the constructor
    /// call the emitter writes and the counts of what that constructor builds, side by side, so the
    /// two cannot drift apart.
    /// </summary>
    internal abstract class BlockDefinition
    {
        /// <summary>The kind this definition describes.</summary>
        public abstract BlockKind Kind { get; }

        /// <summary>Readable name for docs and messages.</summary>
        public abstract string DisplayName { get; }

        /// <summary>Channels a block of this kind outputs for a stage's <c>Channels</c> and <c>Expansion</c>.</summary>
        public abstract long OutChannels(int channels, int expansion);

        /// <summary>The C# expression constructing <paramref name="block"/>.</summary>
        public abstract string Construct(BlockPlan block);

        /// <summary>What <paramref name="block"/> holds, or null when unknown at compile time.</summary>
        public abstract Counts? Count(BlockPlan block);
    }
}
