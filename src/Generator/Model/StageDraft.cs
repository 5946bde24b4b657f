using System;
using Gen.Generator.Model;

namespace Gen.Generator.Model
{
    /// <summary>
    /// One stage with its kind's defaults applied, whether it came from a <c>[Stage]</c> or from a
    /// <c>[Layout]</c> token, and a way to find where each option is written.
    /// </summary>
    internal sealed class StageDraft
    {
        /// <summary>1-based stage number.</summary>
        public int Number { get; set; }

        /// <summary>"Stage 2 (layer2)" for messages.</summary>
        public string Label { get; set; } = string.Empty;

        /// <summary>Block kind.</summary>
        public BlockKind Kind { get; set; }

        /// <summary>The custom block type, for <see cref="BlockKind.Custom"/>.</summary>
        public CustomBlockInfo? Custom { get; set; }

        /// <summary>Every option, resolved: the stage's own, else its block kind's defaults.</summary>
        public StageOptions Options { get; set; } = new StageOptions();

        /// <summary>Finds where an option (by property name, e.g. <c>Channels</c>, <c>Groups[2]</c>) is written.</summary>
        public Func<string, SourceLocation> Where { get; set; } = _ => new SourceLocation(string.Empty, default, default);
    }
}
