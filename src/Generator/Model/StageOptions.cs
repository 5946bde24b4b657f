using System.Collections.Generic;

namespace Gen.Generator.Model
{
    /// <summary>
    /// The options of one stage, named as <see cref="StageAttribute"/>'s properties: the one record
    /// for them everywhere. In the spec an unset option is one the user did not write; the resolver
    /// fills every one from the block kind's defaults (<see cref="Or"/>), and the plan carries that.
    /// </summary>
    internal sealed record StageOptions(
        OptionValue<int> Depth = default,
        OptionValue<int> Channels = default,
        OptionValue<int> Stride = default,
        OptionValue<int> Expansion = default,
        OptionValue<EquatableArray<int>> Kernels = default,
        OptionValue<EquatableArray<int>> Groups = default,
        OptionValue<int> KernelSize = default,
        OptionValue<int> KeyGroups = default,
        OptionValue<int> Heads = default,
        OptionValue<int> HeadDim = default,
        OptionValue<double> Dropout = default,
        OptionValue<double> DropPath = default,
        OptionValue<AttentionKind> Attention = default,
        OptionValue<int> Width = default)
    {
        /// <summary>These options, with each one left unset taken from <paramref name="defaults"/>.</summary>
        public StageOptions Or(StageOptions defaults) => new StageOptions(
            Depth.Or(defaults.Depth),
            Channels.Or(defaults.Channels),
            Stride.Or(defaults.Stride),
            Expansion.Or(defaults.Expansion),
            Kernels.Or(defaults.Kernels),
            Groups.Or(defaults.Groups),
            KernelSize.Or(defaults.KernelSize),
            KeyGroups.Or(defaults.KeyGroups),
            Heads.Or(defaults.Heads),
            HeadDim.Or(defaults.HeadDim),
            Dropout.Or(defaults.Dropout),
            DropPath.Or(defaults.DropPath),
            Attention.Or(defaults.Attention),
            Width.Or(defaults.Width));

        /// <summary>The names of the options that are set, in declaration order (for GEN0019).</summary>
        public IEnumerable<string> Written()
        {
            var options = new (bool Set, string Name)[]
            {
                (Depth.IsSet, nameof(StageAttribute.Depth)),
                (Channels.IsSet, nameof(StageAttribute.Channels)),
                (Stride.IsSet, nameof(StageAttribute.Stride)),
                (Expansion.IsSet, nameof(StageAttribute.Expansion)),
                (Kernels.IsSet, nameof(StageAttribute.Kernels)),
                (Groups.IsSet, nameof(StageAttribute.Groups)),
                (KernelSize.IsSet, nameof(StageAttribute.KernelSize)),
                (KeyGroups.IsSet, nameof(StageAttribute.KeyGroups)),
                (Heads.IsSet, nameof(StageAttribute.Heads)),
                (HeadDim.IsSet, nameof(StageAttribute.HeadDim)),
                (Dropout.IsSet, nameof(StageAttribute.Dropout)),
                (DropPath.IsSet, nameof(StageAttribute.DropPath)),
                (Attention.IsSet, nameof(StageAttribute.Attention)),
                (Width.IsSet, nameof(StageAttribute.Width)),
            };
            foreach (var (set, name) in options)
            {
                if (set)
                {
                    yield return name;
                }
            }
        }
    }
}
