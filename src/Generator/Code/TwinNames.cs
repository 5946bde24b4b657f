using System.Linq;
using System.Text;

namespace Gen.Generator.Code
{
    /// <summary>Names in the PyTorch twin that derive from C# names.</summary>
    internal static class TwinNames
    {
        /// <summary>
        /// The keyword argument of the twin's constructor that takes the PyTorch class of a
        /// user-defined block: the type's simple name (<c>global::Edge.ConvRelu</c> gives <c>ConvRelu</c>),
        /// made a Python identifier.
        /// </summary>
        public static string CustomBlockParameter(string typeName) => Identifier(DisplayName(typeName).Split('.').Last());

        /// <summary>The type's name without <c>global::</c>.</summary>
        public static string DisplayName(string typeName) => typeName.Replace("global::", string.Empty);

        private static string Identifier(string name)
        {
            var text = new StringBuilder();
            foreach (var c in name)
            {
                text.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
            }

            return text.Length == 0 || char.IsDigit(text[0]) ? "_" + text : text.ToString();
        }
    }
}
