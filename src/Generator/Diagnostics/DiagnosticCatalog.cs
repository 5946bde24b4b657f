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
            "Backbone class must be a plain top-level class",
            "Backbone class '{0}' is {1}; declare it as a top-level, non-generic, non-static class visible to other files",
            "Move the class out of its containing type, remove its type parameters, and drop 'static' and 'file' (the generated half is another file's partial declaration, and an instance module). A record is not supported either.");

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
            "Unknown layout token '{0}' in \"{1}\"; expected one of {2}",
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

        /// <summary>GEN0016: a stride other than 1 or 2.</summary>
        public static readonly DiagnosticDescriptor StrideOutOfRange = Error(
            "GEN0016",
            "Stride must be 1 or 2",
            "{0} Stride is {1}; a stage's first block strides by 1 or 2",
            "Set Stride (or the Strides entry) to 1 or 2; downsample further with more stages.");

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
        public static readonly DiagnosticDescriptor OptionIgnored = Warning(
            "GEN0019",
            "Stage option does not apply to the block kind",
            "{0}: {1} does not apply to {2} blocks and is ignored",
            "Remove the option, or use a block kind that reads it.");

        /// <summary>GEN0020: an enum argument outside its enum.</summary>
        public static readonly DiagnosticDescriptor UndefinedEnumValue = Error(
            "GEN0020",
            "Value is not a member of its enum",
            "{0} is {1}, which is not a member of {2}",
            "Use one of the enum's named members; a cast integer the generator does not know cannot be generated.");

        /// <summary>GEN0021: an expansion below what the block kind supports.</summary>
        public static readonly DiagnosticDescriptor ExpansionTooSmall = Error(
            "GEN0021",
            "Expansion below the block's minimum",
            "{0} Expansion is {1}; {2} blocks need at least {3}",
            "Bottlenecks need Expansion >= 1. MBConv needs >= 2: coatnet-pytorch's expansion-1 MBConv (no expand conv, no SE) is not supported.");

        /// <summary>GEN0022: an even or non-positive kernel.</summary>
        public static readonly DiagnosticDescriptor KernelNotOdd = Error(
            "GEN0022",
            "Kernel size must be odd and positive",
            "{0} {1} is {2}; a kernel must be odd and positive",
            "Use an odd kernel (3, 5, 7, ...): the blocks pad by kernel / 2 and keep the feature size only for odd kernels.");

        /// <summary>GEN0023: convolution groups below 1.</summary>
        public static readonly DiagnosticDescriptor GroupsNotPositive = Error(
            "GEN0023",
            "Convolution groups must be at least 1",
            "{0} {1} is {2}; groups must be at least 1",
            "Use 1 (a dense convolution) or more groups.");

        /// <summary>GEN0024: no attention heads.</summary>
        public static readonly DiagnosticDescriptor HeadsNotPositive = Error(
            "GEN0024",
            "Heads must be at least 1",
            "{0} Heads is {1}; attention needs at least one head",
            "Set Heads to 1 or more (8 unless set).");

        /// <summary>GEN0025: a head dimension that is neither positive nor -1.</summary>
        public static readonly DiagnosticDescriptor HeadDimInvalid = Error(
            "GEN0025",
            "HeadDim must be positive or -1",
            "{0} HeadDim is {1}; it must be positive, or -1 for input channels / Heads",
            "Set HeadDim to a positive width per head (32 unless set), or -1 to split the input channels across the heads.");

        /// <summary>GEN0026: a dropout or drop-path rate outside [0, 1).</summary>
        public static readonly DiagnosticDescriptor RateOutOfRange = Error(
            "GEN0026",
            "Rate must be in [0, 1)",
            "{0} {1} is {2}; a rate must be in [0, 1)",
            "Use a probability from 0 (off) up to, but not including, 1.");

        /// <summary>GEN0027: PSA kernels or groups without exactly four entries.</summary>
        public static readonly DiagnosticDescriptor PsaBranchCount = Error(
            "GEN0027",
            "PSA needs exactly four branches",
            "{0} {1} has {2} entries; PSA has exactly 4 branches",
            "Give Kernels and Groups four entries each, one per PSA branch.");

        /// <summary>GEN0028: a classifier head with no classes.</summary>
        public static readonly DiagnosticDescriptor NoClasses = Error(
            "GEN0028",
            "A classifier head needs at least one class",
            "Classes is {0}; a classifier head needs at least one class",
            "Set Classes to 1 or more, or use Head = HeadKind.None for a feature extractor.");

        /// <summary>GEN0029: a non-positive image side.</summary>
        public static readonly DiagnosticDescriptor ImageSizeNotPositive = Error(
            "GEN0029",
            "Image size must be positive",
            "{0} is {1}; an image side must be positive",
            "Set ImageSize (or ImageHeight and ImageWidth) to the input size the model is declared for.");

        /// <summary>GEN0030: a conv stem without layers.</summary>
        public static readonly DiagnosticDescriptor StemDepthTooSmall = Error(
            "GEN0030",
            "Conv stem depth must be at least 1",
            "ConvStem Depth is {0}; the stem needs at least one layer",
            "Set Depth to 1 or more (2 unless set, as in CoAtNet).");

        /// <summary>GEN0031: one value above the generator's size limit.</summary>
        public static readonly DiagnosticDescriptor ValueTooLarge = Error(
            "GEN0031",
            "Value above the generator's size limit",
            "{0} is {1}; the limit is {2}",
            "Widths, classes and image sides are at most 2^16 (classes 2^24), a stage at most 1,024 blocks, a conv stem at most 64 layers: beyond these a model cannot be built, and its widths and counts would overflow.");

        /// <summary>GEN0032: a model too large in total.</summary>
        public static readonly DiagnosticDescriptor ModelTooLarge = Error(
            "GEN0032",
            "Model too large",
            "Backbone '{0}' would have {1}; the limit is {2}",
            "The generator writes one line per block and counts every element in 64 bits: at most 4,096 blocks in all and 2^36 parameter or buffer elements (a quarter of a terabyte in float32). Shrink the spec.");

        /// <summary>GEN0033: a member of the user's that the generated code declares too.</summary>
        public static readonly DiagnosticDescriptor ReservedMemberName = Error(
            "GEN0033",
            "Member name taken by the generated code",
            "Backbone '{0}' declares '{1}', which the generated code declares too",
            "Rename the member: the generated half declares the counts (ParameterCount, RunningStatCount, BufferCount), the module fields (conv1, bn1, relu, maxpool, layerN or sN, avgpool or pool, fc), forward, ForwardFeatures, state_dict, Stem and CheckInput.");

        /// <summary>GEN0034: a constructor of the user's.</summary>
        public static readonly DiagnosticDescriptor UserConstructor = Error(
            "GEN0034",
            "Backbone class must not declare an instance constructor",
            "Backbone '{0}' declares an instance constructor; the generated one builds the model",
            "Remove the constructor: the generated constructor builds every module and takes numClasses. Wrap the model, or add a static factory method, for other set-up.");

        /// <summary>GEN0035: a spec attribute on a class without <c>[Backbone]</c>.</summary>
        public static readonly DiagnosticDescriptor OrphanSpecAttribute = Warning(
            "GEN0035",
            "Spec attribute without [Backbone] is ignored",
            "[{0}] on '{1}' is ignored: the class has no [Backbone] attribute",
            "Add [Backbone] to the class to generate it, or remove the spec attributes.");

        /// <summary>GEN0036: the backbone's attention add-on on a stage whose block cannot take it.</summary>
        public static readonly DiagnosticDescriptor AttentionNotApplied = Warning(
            "GEN0036",
            "Backbone attention does not apply to a stage's blocks",
            "Attention = {0} is not applied to {1}: {2} blocks take no attention add-on",
            "The add-on goes at the end of ResNet-style residual branches (basic, bottleneck, CoT, EPSA) only. Set Attention on those stages instead, or accept that the others run without it.");

        /// <summary>GEN0037: classes declared for a model without a classifier.</summary>
        public static readonly DiagnosticDescriptor ClassesWithoutHead = Warning(
            "GEN0037",
            "Classes does not apply without a head",
            "Classes = {0} is ignored: Head = HeadKind.None has no classifier",
            "Remove Classes, or use a head (HeadKind.Linear or HeadKind.LinearNoBias).");

        /// <summary>GEN0038: both widths of a stage given.</summary>
        public static readonly DiagnosticDescriptor ChannelsAndWidth = Error(
            "GEN0038",
            "Channels and Width cannot be combined",
            "{0} gives both Channels and {1}; give one",
            "Width (Widths on a layout) is the output width of every kind; Channels is the bottleneck width of bottleneck kinds and the output width of the rest. Keep one.");

        /// <summary>GEN0039: a bottleneck output width its expansion does not divide.</summary>
        public static readonly DiagnosticDescriptor WidthNotDivisible = Error(
            "GEN0039",
            "Width not divisible by the expansion",
            "{0}: output width {1} is not divisible by Expansion {2}, so no bottleneck width gives it",
            "A bottleneck's output is its bottleneck width times Expansion: use a Width that Expansion divides, or change Expansion.");

        private static readonly DiagnosticDescriptor[] Descriptors =
        {
            NotPartial, UnsupportedClass, NoStages, DepthTooSmall, ChannelsNotPositive, NotDivisibleByGroups,
            HeadsMismatch, UnknownLayoutToken, LayoutLengthMismatch, ImageNotDivisible, CustomBlockNotModule,
            CustomBlockConstructor, LayoutAndStages, InternalError, StemCount, StrideOutOfRange, ChannelMismatch,
            TooNarrow, OptionIgnored, UndefinedEnumValue, ExpansionTooSmall, KernelNotOdd, GroupsNotPositive,
            HeadsNotPositive, HeadDimInvalid, RateOutOfRange, PsaBranchCount, NoClasses, ImageSizeNotPositive,
            StemDepthTooSmall, ValueTooLarge, ModelTooLarge, ReservedMemberName, UserConstructor,
            OrphanSpecAttribute, AttentionNotApplied, ClassesWithoutHead, ChannelsAndWidth, WidthNotDivisible,
        };

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index(Descriptors);

        /// <summary>Every descriptor, in ID order.</summary>
        public static IReadOnlyList<DiagnosticDescriptor> All => Descriptors;

        /// <summary>The descriptor with <paramref name="id"/>.</summary>
        public static DiagnosticDescriptor Find(string id) => ById[id];

        /// <summary>Where each diagnostic is explained: docs/diagnostics.md, whose table has an anchor per ID.</summary>
        public const string HelpRoot = "docs/diagnostics.md";

        /// <summary>The help link of <paramref name="id"/>: its anchor in <see cref="HelpRoot"/>.</summary>
        public static string HelpLink(string id) => HelpRoot + "#" + id.ToLowerInvariant();

        private static DiagnosticDescriptor Error(string id, string title, string message, string help) =>
            Create(id, title, message, help, DiagnosticSeverity.Error);

        private static DiagnosticDescriptor Warning(string id, string title, string message, string help) =>
            Create(id, title, message, help, DiagnosticSeverity.Warning);

        private static DiagnosticDescriptor Create(string id, string title, string message, string help, DiagnosticSeverity severity) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, description: help, helpLinkUri: HelpLink(id));

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
