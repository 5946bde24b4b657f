// The commands set libtorch's thread count and one test sets GEN_THREADS: run one test at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
