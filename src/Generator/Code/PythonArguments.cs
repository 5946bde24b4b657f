using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Gen.Generator.Model;

namespace Gen.Generator.Code
{
    /// <summary>Builds a Python call's argument list, as <see cref="Code.ArgumentList"/> does a C# one: positional values first, then keywords.</summary>
    internal sealed class PythonArguments
    {
        private readonly List<string> _arguments = new List<string>();

        /// <summary>Adds positional values.</summary>
        public PythonArguments Positional(params long[] values)
        {
            foreach (var value in values)
            {
                _arguments.Add(value.ToString(CultureInfo.InvariantCulture));
            }

            return this;
        }

        /// <summary>Adds <c>name=value</c>.</summary>
        public PythonArguments Named(string name, long value)
        {
            _arguments.Add(name + "=" + value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        /// <summary>Adds <c>name=True|False</c>.</summary>
        public PythonArguments Named(string name, bool value)
        {
            _arguments.Add(name + "=" + (value ? "True" : "False"));
            return this;
        }

        /// <summary>Adds <c>name=value</c> for a float, unless it equals <paramref name="unless"/>.</summary>
        public PythonArguments Named(string name, double value, double unless)
        {
            if (value != unless)
            {
                _arguments.Add(name + "=" + Literal(value));
            }

            return this;
        }

        /// <summary>Adds <c>name=(a, b, ...)</c> unless the values equal <paramref name="unless"/>.</summary>
        public PythonArguments Named(string name, EquatableArray<int> values, EquatableArray<int> unless)
        {
            if (values != unless)
            {
                var text = new StringBuilder(name).Append("=(");
                for (var i = 0; i < values.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ").Append(values[i].ToString(CultureInfo.InvariantCulture));
                }

                _arguments.Add(text.Append(values.Count == 1 ? ",)" : ")").ToString());
            }

            return this;
        }

        /// <summary>Adds <c>attention="nam"</c> (and the other add-ons) unless it is <c>None</c>.</summary>
        public PythonArguments Attention(AttentionKind attention)
        {
            if (attention != AttentionKind.None)
            {
                _arguments.Add("attention=\"" + AttentionName(attention) + "\"");
            }

            return this;
        }

        /// <summary>The twin's name of an attention add-on (<c>nam</c>, <c>nam_detached</c>, <c>se</c>).</summary>
        public static string AttentionName(AttentionKind attention) => attention switch
        {
            AttentionKind.Nam => "nam",
            AttentionKind.NamDetached => "nam_detached",
            AttentionKind.SE => "se",
            _ => "none",
        };

        /// <summary>A Python float literal.</summary>
        public static string Literal(double value)
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text.Replace("E", "e") : text + ".0";
        }

        /// <summary><c>Type(arguments)</c>.</summary>
        public string Call(string callee) => callee + "(" + string.Join(", ", _arguments) + ")";
    }
}
