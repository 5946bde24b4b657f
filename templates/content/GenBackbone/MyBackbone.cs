using Gen;

namespace GenTemplateProject;

/// <summary>A ResNet-style backbone with NAM after every block, for 3 x 32 x 32 images and 10 classes.</summary>
[Backbone(Classes = 10, ImageSize = 32, Attention = AttentionKind.Nam)]
[CifarStem(16)]
[Layout("Basic-Basic-Basic", Depths = new[] { 1, 1, 1 }, Widths = new[] { 16, 32, 64 })]
public partial class MyBackbone { }
