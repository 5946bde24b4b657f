using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Gen.Cli.Checkpoints
{
    /// <summary>
    /// Loads a checkpoint into a model, by its extension: safetensors (Gen.Safetensors), or
    /// PyTorch's pickled state dicts (<c>.pth</c>, <c>.pt</c>, <c>.bin</c>) as official repositories
    /// release them, read with TorchSharp.PyBridge. Either way every key, dtype and shape is checked
    /// against the model before any weight changes, and the first mismatch is named.
    /// </summary>
    internal static class CheckpointLoader
    {
        public static void Load(nn.Module<Tensor, Tensor> model, string path)
        {
            if (!File.Exists(path))
            {
                throw new RunFailedException($"the checkpoint {path} does not exist.");
            }

            try
            {
                if (path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
                {
                    Safetensors.Load(model, path, strict: true);
                    return;
                }

                LoadPickled(model, path);
            }
            catch (SafetensorsException e)
            {
                throw new RunFailedException($"the checkpoint does not fit {model.GetName()}; no weight was changed. {e.Message}", e);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or InvalidCastException)
            {
                throw new RunFailedException($"{path} cannot be read as a PyTorch state dict ({e.Message}); no weight was changed.", e);
            }
        }

        private static void LoadPickled(nn.Module<Tensor, Tensor> model, string path)
        {
            var tensors = Unwrap(PyTorchUnpickler.UnpickleStateDict(path));
            try
            {
                var target = PyTorchStateDict.Of(model);
                foreach (var (key, expected) in target)
                {
                    if (!tensors.TryGetValue(key, out var source))
                    {
                        throw new RunFailedException($"{path}: key '{key}' is missing (the model expects {Describe(expected)}); {target.Keys.Count(k => !tensors.ContainsKey(k))} key(s) missing in all. No weight was changed.");
                    }

                    if (!source.shape.SequenceEqual(expected.shape) || source.dtype != expected.dtype)
                    {
                        throw new RunFailedException($"{path}: key '{key}' is {Describe(source)} in the checkpoint, but the model expects {Describe(expected)}. No weight was changed.");
                    }
                }

                var unexpected = tensors.Keys.Where(k => !target.ContainsKey(k)).ToList();
                if (unexpected.Count > 0)
                {
                    throw new RunFailedException($"{path}: key '{unexpected[0]}' is not in the model's state dict ({unexpected.Count} unexpected key(s) in all). No weight was changed.");
                }

                using (no_grad())
                {
                    foreach (var (key, expected) in target)
                    {
                        expected.copy_(tensors[key]);
                    }
                }
            }
            finally
            {
                foreach (var t in tensors.Values)
                {
                    t.Dispose();
                }
            }
        }

        /// <summary>The state dict inside a pickled checkpoint: the top level, or its "state_dict"/"model" entry; DataParallel's "module." prefix removed.</summary>
        private static Dictionary<string, Tensor> Unwrap(Hashtable table)
        {
            foreach (var wrapper in new[] { "state_dict", "model" })
            {
                if (table[wrapper] is Hashtable inner)
                {
                    table = inner;
                    break;
                }
            }

            var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in table)
            {
                if (entry.Key is string key && entry.Value is Tensor tensor)
                {
                    result[key.StartsWith("module.", StringComparison.Ordinal) ? key.Substring("module.".Length) : key] = tensor;
                }
            }

            return result;
        }

        private static string Describe(Tensor t) => $"{t.dtype} [{string.Join(", ", t.shape)}]";
    }
}
