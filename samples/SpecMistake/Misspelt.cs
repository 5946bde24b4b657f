using Gen;

namespace SpecMistake;

/// <summary>"X" is not a layout token: the build fails with GEN0008 at the layout string.</summary>
[Backbone(Classes = 10, ImageSize = 32)]
[CifarStem(16)]
[Layout("B-X", Depths = new[] { 1, 1 }, Widths = new[] { 16, 32 })] // expect GEN0008
public partial class Misspelt { }
