using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Gen.Generator.Model;

namespace Gen.Generator.Code
{
    /// <summary>Builds a constructor argument list: positional values first, then named ones.</summary>
    internal sealed class ArgumentList
    {
        private readonly List<string> _arguments = new List<string>();

        /// <summary>Adds positional values.</summary>
        public ArgumentList Positional(params long[] values)
        {
            foreach (var value in values)
            {
                _arguments.Add(value.ToString(CultureInfo.InvariantCulture));
            }

            return this;
        }

        /// <summary>Adds <c>name: value</c>.</summary>
        public ArgumentList Named(string name, long value)
        {
            _arguments.Add(name + ": " + value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        /// <summary>Adds <c>name: true|false</c>.</summary>
        public ArgumentList Named(string name, bool value)
        {
            _arguments.Add(name + ": " + (value ? "true" : "false"));
            return this;
        }

        /// <summary>Adds <c>name: value</c> for a double, unless it equals <paramref name="unless"/>.</summary>
        public ArgumentList Named(string name, double value, double unless)
        {
            if (value != unless)
            {
                _arguments.Add(name + ": " + Literal(value));
            }

            return this;
        }

        /// <summary>Adds <c>attention: global::Gen.AttentionKind.X</c> unless it is <c>None</c>.</summary>
        public ArgumentList Attention(AttentionKind attention)
        {
            if (attention != AttentionKind.None)
            {
                _arguments.Add("attention: global::Gen.AttentionKind." + attention);
            }

            return this;
        }

        /// <summary>Adds <c>name: new long[] { ... }</c> unless the values equal <paramref name="unless"/>.</summary>
        public ArgumentList Named(string name, EquatableArray<int> values, EquatableArray<int> unless)
        {
            if (values != unless)
            {
                var text = new StringBuilder(name).Append(": new long[] { ");
                for (var i = 0; i < values.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ").Append(values[i].ToString(CultureInfo.InvariantCulture));
                }

                _arguments.Add(text.Append(" }").ToString());
            }

            return this;
        }

        /// <summary>A C# double literal.</summary>
        public static string Literal(double value)
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text : text + ".0";
        }

        /// <summary><c>new Type(arguments)</c>.</summary>
        public string New(string typeName) => "new " + typeName + "(" + string.Join(", ", _arguments) + ")";
    }
}
