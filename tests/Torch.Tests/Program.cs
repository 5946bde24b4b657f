using System;
using TorchSharp;

namespace Gen.Torch.Tests
{
    /// <summary>
    /// Entry point for child processes started by the tests (the test runner never calls it):
    /// <c>dotnet Torch.Tests.dll --print-threads</c> prints the bridge's thread count at start-up.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 1 && args[0] == "--print-threads")
            {
                Console.WriteLine(torch.get_num_threads());
                return 0;
            }
            Console.Error.WriteLine("Torch.Tests is a test assembly; run it with dotnet test.");
            return 2;
        }
    }
}
