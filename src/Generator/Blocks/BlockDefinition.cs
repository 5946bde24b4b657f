using System.Collections.Generic;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

namespace Gen.Generator.Blocks
{
    /// <summary>
    /// One block kind of the Gen.Blocks contract (src/Runtime/Blocks/README.md), in one place: its
    /// layout tokens, the stage options it reads and its defaults for them, its range and flow rules,
    /// whether it is position-aware, the constructor call the emitter writes and the counts of what
    /// that constructor builds. Adding a block kind is a subclass here (the catalog finds it), the
    /// runtime block and its doc page.
    /// </summary>
    internal abstract class BlockDefinition
    {
        /// <summary>The options every block kind reads.</summary>
        protected static readonly string[] CommonOptions = { nameof(StageAttribute.Depth), nameof(StageAttribute.Channels), nameof(StageAttribute.Width), nameof(StageAttribute.Stride) };

        /// <summary>The options of torchvision-style residual blocks: the attention add-on and stochastic depth.</summary>
        protected static readonly string[] ResidualOptions = { nameof(StageAttribute.Attention), nameof(StageAttribute.DropPath) };

        /// <summary>The kind this definition describes.</summary>
        public abstract BlockKind Kind { get; }

        /// <summary>Readable name for docs and messages.</summary>
        public abstract string DisplayName { get; }

        /// <summary>The <c>[Layout]</c> tokens that name this kind (case-insensitive); none for a kind a layout cannot name.</summary>
        public abstract IReadOnlyList<string> LayoutTokens { get; }

        /// <summary>The <see cref="StageAttribute"/> options a stage of this kind reads; setting any other warns (GEN0019).</summary>
        public abstract IReadOnlyList<string> Options { get; }

        /// <summary>
        /// Whether the block follows torchvision's ResNet conventions: stride 1 in the first stage,
        /// and the backbone's attention add-on at the end of its residual branch.
        /// </summary>
        public virtual bool IsResNetStyle => false;

        /// <summary>Whether the block is built for the declared feature size, so the model accepts only the declared image.</summary>
        public virtual bool IsPositionAware => false;

        /// <summary>
        /// Whether the runtime block takes channels-last tensors and returns them so (every Gen
        /// block does: they reshape, never <c>view</c>), so that a backbone made only of such blocks
        /// runs in that layout (<c>Gen.MemoryLayout</c>). A user-defined block may need NCHW strides.
        /// </summary>
        public virtual bool KeepsChannelsLast => true;

        /// <summary>The expansion a stage takes unless it sets one.</summary>
        public virtual int DefaultExpansion => 1;

        /// <summary>The smallest expansion the block supports (GEN0021).</summary>
        public virtual int MinimumExpansion => 1;

        /// <summary>Whether a stage reads <paramref name="option"/>.</summary>
        public bool Reads(string option)
        {
            foreach (var read in Options)
            {
                if (read == option)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The stride of the first block of stage <paramref name="number"/> unless the stage sets one.</summary>
        public virtual int DefaultStride(int number) => IsResNetStyle && number == 1 ? 1 : 2;

        /// <summary>The stage's <c>Channels</c> for an output <paramref name="width"/>, or null when no whole number gives it.</summary>
        public virtual int? ChannelsForWidth(int width, int expansion) => width;

        /// <summary>Channels a block of this kind outputs for a stage's <c>Channels</c> and <c>Expansion</c>.</summary>
        public abstract long OutChannels(int channels, int expansion);

        /// <summary>
        /// Reports what this kind requires of a stage given the channels flowing in and out and the
        /// stride accumulated before it (groups and heads against widths, width-preserving blocks,
        /// position-aware blocks against the image). Nothing unless the kind has such rules.
        /// </summary>
        public virtual void CheckFlow(StageFlow flow, Reporter reporter)
        {
        }

        /// <summary>The C# expression constructing <paramref name="block"/>.</summary>
        public abstract string Construct(BlockPlan block);

        /// <summary>The PyTorch twin's Python definitions this kind needs (<see cref="Code.TwinSnippets"/> names, dependencies first).</summary>
        public abstract IReadOnlyList<string> PythonSnippets { get; }

        /// <summary>The Python expression constructing <paramref name="block"/> in the PyTorch twin (the counterpart of <see cref="Construct"/>).</summary>
        public abstract string PythonConstruct(BlockPlan block);

        /// <summary>What <paramref name="block"/> holds, or null when unknown at compile time.</summary>
        public abstract Counts? Count(BlockPlan block);

        /// <summary>Joins option lists.</summary>
        protected static string[] Join(params string[][] lists)
        {
            var all = new List<string>();
            foreach (var list in lists)
            {
                all.AddRange(list);
            }

            return all.ToArray();
        }
    }
}
