using System.Runtime.CompilerServices;

// The bridge's own tests reach its interop layer directly (op calls, native handle counts).
[assembly: InternalsVisibleTo("Torch.Tests")]
