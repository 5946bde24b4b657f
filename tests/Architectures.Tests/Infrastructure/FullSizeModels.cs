using System;
using System.Collections.Concurrent;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Gen.Architectures.Tests.Infrastructure
{
    /// <summary>
    /// The four backbones with reference state dicts, built once for the state-dict and count tests
    /// of the <see cref="FullSizeCollection"/> (one collection: they run one after another, so at most
    /// one large model is built at a time besides these four, about 0.4 GB in all).
    /// </summary>
    public sealed class FullSizeModels : IDisposable
    {
        private readonly ConcurrentDictionary<string, nn.Module<Tensor, Tensor>> built = new();

        internal nn.Module<Tensor, Tensor> Get(Backbone backbone) => built.GetOrAdd(backbone.Name, _ => Build(backbone));

        internal static nn.Module<Tensor, Tensor> Build(Backbone backbone)
        {
            // Construction records no graph either way; no_grad keeps the initialisers off autograd.
            using (no_grad())
            {
                return backbone.Create();
            }
        }

        public void Dispose()
        {
            foreach (var model in built.Values)
            {
                model.Dispose();
            }

            built.Clear();
        }
    }

    [CollectionDefinition(Name)]
    public sealed class FullSizeCollection : ICollectionFixture<FullSizeModels>
    {
        public const string Name = "Full-size backbones";
    }
}
