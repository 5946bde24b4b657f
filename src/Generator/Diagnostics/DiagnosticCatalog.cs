using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Gen.Generator.Diagnostics
{
    /// <summary>
    /// Every diagnostic the generator reports. IDs are stable: never renumber, only append.
    /// docs/diagnostics.md explains each one with an example and its fix.
    /// </summary>
    internal static class DiagnosticCatalog
    {
        private const string Category = "Gen";

        /// <summary>GEN0001: the class is not partial.</summary>
        public static readonly DiagnosticDescriptor NotPartial = Error(
            "GEN0001",
            "Backbone class must be partial",
            "Backbone class '{0}' must be declared partial",
            "Add the 'partial' modifier to every declaration of the class: the generator writes the other part.");

        /// <summary>GEN0002: the class is nested or generic.</summary>
        public static readonly DiagnosticDescriptor UnsupportedClass = Error(
            "GEN0002",
            "Backbone class must be a top-level, non-generic class",
            "Backbone class '{0}' is {1}; declare it as a top-level, non-generic class",
            "Move the class out of its containing type and remove its type parameters.");

        /// <summary>GEN0003: no stages.</summary>
        public static readonly DiagnosticDescriptor NoStages = Error(
            "GEN0003",
            "Backbone declares no stages",
            "Backbone '{0}' declares no stages",
            "Add [Stage(...)] attributes (in order) or one [Layout(...)] attribute.");

        /// <summary>GEN0004: depth below 1.</summary>
        public static readonly DiagnosticDescriptor DepthTooSmall = Error(
            "GEN0004",
            "Stage depth must be at least 1",
            "{0} has depth {1}; a stage needs at least one block",
            "Set Depth (or the Depths entry) to 1 or more, or remove the stage.");

        /// <summary>GEN0005: channels not positive.</summary>
        public static readonly DiagnosticDescriptor ChannelsNotPositive = Error(
            "GEN0005",
            "Channels must be positive",
            "{0} has {1} channels; channels must be positive",
            "Set Channels (or the Channels entry) to a positive number.");

        /// <summary>GEN0006: channels not divisible by groups.</summary>
        public static readonly DiagnosticDescriptor NotDivisibleByGroups = Error(
            "GEN0006",
            "Channels not divisible by the block's groups",
            "{0}: {1} channels are not divisible by {2} groups of {3}",
            "Grouped convolutions need both their input and output channels divisible by the groups: change Channels or the groups.");

        /// <summary>GEN0007: attention heads do not fit the channels.</summary>
        public static readonly DiagnosticDescriptor HeadsMismatch = Error(
            "GEN0007",
            "Channels not divisible by the attention heads",
            "{0}: HeadDim = -1 splits the {1} input channels across {2} heads, which does not divide evenly",
            "With HeadDim = -1 each head gets inputChannels / Heads dimensions: change Heads, or set HeadDim explicitly (the attention width Heads x HeadDim need not equal the channels).");

        /// <summary>GEN0008: unknown layout token.</summary>
        public static readonly DiagnosticDescriptor UnknownLayoutToken = Error(
            "GEN0008",
            "Unknown layout token",
            "Unknown layout token '{0}' in \"{1}\"; expected C, T, Basic, B, Bottleneck, CoT, EPSA, MBConv or Transformer",
            "Separate tokens with '-'; each token names a block kind.");

        /// <summary>GEN0009: layout arrays of different lengths.</summary>
        public static readonly DiagnosticDescriptor LayoutLengthMismatch = Error(
            "GEN0009",
            "Layout arrays must have one entry per stage",
            "Layout \"{0}\" has {1} stages but {2} has {3} entries",
            "Give Depths, Channels (and Strides, if set) exactly one entry per layout token.");

        /// <summary>GEN0010: image size not divisible where a position-aware block needs it.</summary>
        public static readonly DiagnosticDescriptor ImageNotDivisible = Error(
            "GEN0010",
            "Image size not divisible by the stride of a position-aware stage",
            "{0} ({1}) sizes its relative position table for the declared image, but the image {2} is not divisible by its total stride {3}",
            "Use an image size divisible by the total stride at every transformer stage (224 and 32 x 2^k work), or set Stride to 1 where possible.");

        /// <summary>GEN0011: custom block is not a module.</summary>
        public static readonly DiagnosticDescriptor CustomBlockNotModule = Error(
            "GEN0011",
            "Custom block must be a constructible torch.nn.Module<Tensor, Tensor>",
            "Block type '{0}' is not an accessible, non-abstract class deriving from torch.nn.Module<Tensor, Tensor>",
            "A stage's block type must be a class deriving from TorchSharp's torch.nn.Module<Tensor, Tensor> that the backbone class can access (the generated code constructs it inside the class).");

        /// <summary>GEN0012: custom block lacks the constructor.</summary>
        public static readonly DiagnosticDescriptor CustomBlockConstructor = Error(
            "GEN0012",
            "Custom block lacks the block constructor",
            "Block type '{0}' has no public constructor (long inChannels, long outChannels, long stride)",
            "Add a public constructor whose first three parameters are long inChannels, long outChannels, long stride; any further parameters must be optional.");

        /// <summary>GEN0013: Layout and Stage on one class.</summary>
        public static readonly DiagnosticDescriptor LayoutAndStages = Error(
            "GEN0013",
            "Layout and Stage attributes cannot be combined",
            "Backbone '{0}' has both [Layout] and [Stage] attributes; use one or the other",
            "Keep the [Layout] shorthand or spell out every stage with [Stage] attributes.");

        /// <summary>GEN0014: the generator itself failed.</summary>
        public static readonly DiagnosticDescriptor InternalError = Error(
            "GEN0014",
            "The generator failed unexpectedly",
            "The generator failed on '{0}' while {1}: {2}",
            "This is a bug in Gen.Generator, not in the spec; please report it with the spec.");

        /// <summary>GEN0015: not exactly one stem.</summary>
        public static readonly DiagnosticDescriptor StemCount = Error(
            "GEN0015",
            "Backbone needs exactly one stem",
            "Backbone '{0}' needs exactly one stem attribute ([ResNetStem], [CifarStem] or [ConvStem]) but has {1}",
            "Add one stem attribute, or remove the extra ones.");

        /// <summary>GEN0016: a value out of its range.</summary>
        public static readonly DiagnosticDescriptor ValueOutOfRange = Error(
            "GEN0016",
            "Spec value out of range",
            "{0} is {1}; {2}",
            "Change the value to one the message allows.");

        /// <summary>GEN0017: a width-preserving block gets another width.</summary>
        public static readonly DiagnosticDescriptor ChannelMismatch = Error(
            "GEN0017",
            "Block cannot change width without downsampling",
            "{0}: {1} blocks change width only when they downsample, but the stage has stride 1, {2} input channels and {3} output channels",
            "Use Stride = 2 for this stage, or make its Channels equal to the previous stage's output.");

        /// <summary>GEN0018: a reduction leaves no channels.</summary>
        public static readonly DiagnosticDescriptor TooNarrow = Error(
            "GEN0018",
            "Stage too narrow for its reduction",
            "{0}: {1} channels reduced by {2} leave no channels for {3}",
            "Widen the stage (Channels) or drop the add-on.");

        /// <summary>GEN0019: an option that the block kind ignores.</summary>
        public static readonly DiagnosticDescriptor OptionIgnored = new DiagnosticDescriptor(
            "GEN0019",
            "Stage option does not apply to the block kind",
            "{0}: {1} does not apply to {2} blocks and is ignored",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Remove the option, or use a block kind that reads it.");

        private static readonly DiagnosticDescriptor[] Descriptors =
        {
            NotPartial, UnsupportedClass, NoStages, DepthTooSmall, ChannelsNotPositive, NotDivisibleByGroups,
            HeadsMismatch, UnknownLayoutToken, LayoutLengthMismatch, ImageNotDivisible, CustomBlockNotModule,
            CustomBlockConstructor, LayoutAndStages, InternalError, StemCount, ValueOutOfRange, ChannelMismatch,
            TooNarrow, OptionIgnored,
        };

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index(Descriptors);

        /// <summary>Every descriptor, in ID order.</summary>
        public static IReadOnlyList<DiagnosticDescriptor> All => Descriptors;

        /// <summary>The descriptor with <paramref name="id"/>.</summary>
        public static DiagnosticDescriptor Find(string id) => ById[id];

        private static DiagnosticDescriptor Error(string id, string title, string message, string help) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description: help);

        private static Dictionary<string, DiagnosticDescriptor> Index(DiagnosticDescriptor[] descriptors)
        {
            var index = new Dictionary<string, DiagnosticDescriptor>();
            foreach (var descriptor in descriptors)
            {
                index.Add(descriptor.Id, descriptor);
            }

            return index;
        }
    }
}
