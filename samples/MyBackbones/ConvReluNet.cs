using Gen;

namespace MyBackbones;

/// <summary>Two stages of the user-defined <see cref="ConvRelu"/> block, then a Basic stage.</summary>
[Backbone(Classes = 10, ImageSize = 32)]
[CifarStem(16)]
[Stage(typeof(ConvRelu), Depth = 2, Channels = 32)]
[Stage(BlockKind.Basic, Depth = 1, Channels = 64)]
public partial class ConvReluNet { }
