using System;
using Gen.Generator.Model;

namespace Gen.Generator.Stems
{
    /// <summary>The stem definitions, by kind and by attribute name.</summary>
    internal static class StemCatalog
    {
        private static readonly StemDefinition[] Definitions =
        {
            TorchvisionStemDefinition.ResNet,
            TorchvisionStemDefinition.Cifar,
            new ConvStemDefinition(),
        };

        /// <summary>The definition of <paramref name="kind"/>.</summary>
        public static StemDefinition For(StemKind kind)
        {
            foreach (var definition in Definitions)
            {
                if (definition.Kind == kind)
                {
                    return definition;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(kind), kind, "no stem definition for this kind");
        }

        /// <summary>The definition whose attribute is named <paramref name="attributeName"/>, or null.</summary>
        public static StemDefinition? ForAttribute(string attributeName)
        {
            foreach (var definition in Definitions)
            {
                if (definition.AttributeName == attributeName)
                {
                    return definition;
                }
            }

            return null;
        }
    }
}
