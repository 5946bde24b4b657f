using Gen;

namespace MyBackbones;

/// <summary>A small ResNet with NAM after every block, for 32x32 colour images and 10 classes.</summary>
[Backbone(Classes = 10, ImageSize = 32, Attention = AttentionKind.Nam)]
[CifarStem(16)]
[Layout("B-B-B", Depths = new[] { 1, 2, 1 }, Widths = new[] { 16, 32, 64 })]
public partial class TinyNam { }
