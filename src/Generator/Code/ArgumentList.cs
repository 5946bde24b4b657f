using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Gen.Generator.Model;

namespace Gen.Generator.Code
{
    /// <summary>
    /// A constructor's arguments, positional values first, then named ones, written once and
    /// rendered as a C# call (<see cref="New"/>) or as the PyTorch twin's Python call
    /// (<see cref="Call"/>, keywords in snake_case: <c>dropPath</c> becomes <c>drop_path</c>).
    /// </summary>
    internal sealed class ArgumentList
    {
        private readonly List<(string? Name, string CSharp, string Python)> _arguments = new List<(string? Name, string CSharp, string Python)>();

        /// <summary>Adds positional values.</summary>
        public ArgumentList Positional(params long[] values)
        {
            foreach (var value in values)
            {
                var text = value.ToString(CultureInfo.InvariantCulture);
                _arguments.Add((null, text, text));
            }

            return this;
        }

        /// <summary>Adds <c>name: value</c>.</summary>
        public ArgumentList Named(string name, long value)
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            _arguments.Add((name, text, text));
            return this;
        }

        /// <summary>Adds <c>name: true|false</c>.</summary>
        public ArgumentList Named(string name, bool value)
        {
            _arguments.Add((name, value ? "true" : "false", value ? "True" : "False"));
            return this;
        }

        /// <summary>Adds <c>name: value</c> for a double, unless it equals <paramref name="unless"/>.</summary>
        public ArgumentList Named(string name, double value, double unless)
        {
            if (value != unless)
            {
                _arguments.Add((name, Literal(value), Literal(value).Replace('E', 'e')));
            }

            return this;
        }

        /// <summary>Adds <c>attention: global::Gen.AttentionKind.X</c> (<c>attention="x"</c> in Python) unless it is <c>None</c>.</summary>
        public ArgumentList Attention(AttentionKind attention)
        {
            if (attention != AttentionKind.None)
            {
                _arguments.Add(("attention", "global::Gen.AttentionKind." + attention, "\"" + AttentionName(attention) + "\""));
            }

            return this;
        }

        /// <summary>Adds <c>name: new long[] { ... }</c> (a tuple in Python) unless the values equal <paramref name="unless"/>.</summary>
        public ArgumentList Named(string name, EquatableArray<int> values, EquatableArray<int> unless)
        {
            if (values != unless)
            {
                var items = new StringBuilder();
                for (var i = 0; i < values.Count; i++)
                {
                    items.Append(i == 0 ? string.Empty : ", ").Append(values[i].ToString(CultureInfo.InvariantCulture));
                }

                _arguments.Add((name, "new long[] { " + items + " }", "(" + items + (values.Count == 1 ? ",)" : ")")));
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

        /// <summary>A C# double literal.</summary>
        public static string Literal(double value)
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text : text + ".0";
        }

        /// <summary>The Python spelling of a C# parameter name: <c>headDim</c> becomes <c>head_dim</c>.</summary>
        public static string SnakeCase(string name)
        {
            var text = new StringBuilder();
            foreach (var c in name)
            {
                text.Append(char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString());
            }

            return text.ToString();
        }

        /// <summary><c>new Type(arguments)</c>.</summary>
        public string New(string typeName)
        {
            var items = new List<string>();
            foreach (var (name, csharp, _) in _arguments)
            {
                items.Add(name is null ? csharp : name + ": " + csharp);
            }

            return "new " + typeName + "(" + string.Join(", ", items) + ")";
        }

        /// <summary>The Python call <c>callee(arguments)</c>.</summary>
        public string Call(string callee)
        {
            var items = new List<string>();
            foreach (var (name, _, python) in _arguments)
            {
                items.Add(name is null ? python : SnakeCase(name) + "=" + python);
            }

            return callee + "(" + string.Join(", ", items) + ")";
        }
    }
}
