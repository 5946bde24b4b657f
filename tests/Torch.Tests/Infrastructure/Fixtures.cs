using System;
using System.IO;
using System.Text.Json;

namespace Gen.Torch.Tests.Infrastructure
{
    /// <summary>The committed fixtures written by tests/fixtures/torch/make_torch_fixtures.py.</summary>
    public static class Fixtures
    {
        private static readonly Lazy<string> dir = new(() =>
        {
            var copied = Path.Combine(AppContext.BaseDirectory, "fixtures", "torch");
            if (File.Exists(Path.Combine(copied, "ops.safetensors"))) return copied;
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "tests", "fixtures", "torch");
                if (File.Exists(Path.Combine(candidate, "make_torch_fixtures.py"))) return candidate;
            }
            throw new DirectoryNotFoundException("tests/fixtures/torch not found in or above " + AppContext.BaseDirectory);
        });

        private static readonly Lazy<SafeTensorsFile> ops = new(() => SafeTensorsFile.Read(Path.Combine(Dir, "ops.safetensors")));
        private static readonly Lazy<SafeTensorsFile> modules = new(() => SafeTensorsFile.Read(Path.Combine(Dir, "modules.safetensors")));
        private static readonly Lazy<SafeTensorsFile> init = new(() => SafeTensorsFile.Read(Path.Combine(Dir, "init.safetensors")));
        private static readonly Lazy<SafeTensorsFile> optim = new(() => SafeTensorsFile.Read(Path.Combine(Dir, "optim.safetensors")));
        private static readonly Lazy<JsonDocument> schedules = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "schedules.json"))));

        public static string Dir => dir.Value;
        public static SafeTensorsFile Ops => ops.Value;
        public static SafeTensorsFile Modules => modules.Value;
        public static SafeTensorsFile Init => init.Value;
        public static SafeTensorsFile Optim => optim.Value;
        public static JsonElement Schedules => schedules.Value.RootElement;
    }
}
