using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace Gen
{
    /// <summary>
    /// State dicts in PyTorch's key order. TorchSharp's <c>Module.state_dict()</c> lists every parameter
    /// first and every buffer after them; PyTorch lists, for each module, its own parameters, then its own
    /// persistent buffers, then each child's entries. The keys are the same; only the order differs.
    /// Generated backbones override <c>state_dict</c> with <see cref="Of"/>, so their state dicts (and the
    /// checkpoints written from them) list keys exactly as the reference PyTorch model does.
    /// </summary>
    /// <example>
    /// <code>
    /// foreach (var (key, tensor) in PyTorchStateDict.Of(new Gen.Blocks.Bottleneck(64, 64)))
    ///     Console.WriteLine($"{key} [{string.Join(", ", tensor.shape)}]");
    /// </code>
    /// </example>
    public static class PyTorchStateDict
    {
        /// <summary>
        /// The live parameters and persistent buffers of <paramref name="module"/>, keyed and ordered as PyTorch's
        /// <c>state_dict()</c> orders them, added to <paramref name="destination"/> (a new dictionary when null)
        /// under <paramref name="prefix"/>.
        /// </summary>
        public static Dictionary<string, Tensor> Of(nn.Module module, Dictionary<string, Tensor>? destination = null, string? prefix = null)
        {
            destination ??= new Dictionary<string, Tensor>();
            Add(module, destination, prefix);
            return destination;
        }

        private static void Add(nn.Module module, Dictionary<string, Tensor> destination, string? prefix)
        {
            foreach (var (name, parameter) in module.named_parameters(recurse: false)) destination.TryAdd(Join(prefix, name), parameter);
            foreach (var (name, buffer) in module.named_buffers(recurse: false, include_nonpersistent: false)) destination.TryAdd(Join(prefix, name), buffer);
            foreach (var (name, child) in module.named_children()) Add(child, destination, Join(prefix, name));
        }

        private static string Join(string? prefix, string name) => string.IsNullOrEmpty(prefix) ? name : prefix + "." + name;
    }
}
