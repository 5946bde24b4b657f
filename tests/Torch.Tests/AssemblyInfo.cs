using Xunit;

// The memory tests count live tensors process-wide and the thread tests change libtorch's global
// thread count: tests must not run concurrently.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
