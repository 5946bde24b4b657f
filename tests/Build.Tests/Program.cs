using System;

namespace Gen.Build.Tests
{
    /// <summary>
    /// The probe a child process runs (<c>dotnet Build.Tests.dll --torch-version</c>): it loads
    /// TorchSharp's native library from this output folder, as a user's program would, and prints
    /// the libtorch version. A fresh process, so nothing the test host loaded can help it.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 1 && args[0] == "--torch-version")
            {
                Console.WriteLine(TorchSharp.torch.__version__);
                using var x = TorchSharp.torch.ones(2, 3);
                Console.WriteLine(x.sum().item<float>().ToString(System.Globalization.CultureInfo.InvariantCulture));
                return 0;
            }

            Console.Error.WriteLine("usage: Build.Tests --torch-version");
            return 2;
        }
    }
}
