using System.Text;

namespace Gen.Generator.Emission
{
    /// <summary>Writes C# source with four-space indentation and LF line endings, whatever the host OS.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _text = new StringBuilder();
        private int _depth;

        /// <summary>Writes one line at the current indentation (an empty line has no indentation).</summary>
        public CodeWriter Line(string line = "")
        {
            if (line.Length > 0)
            {
                _text.Append(' ', _depth * 4).Append(line);
            }

            _text.Append('\n');
            return this;
        }

        /// <summary>Writes <c>{</c> and indents.</summary>
        public CodeWriter Open()
        {
            Line("{");
            _depth++;
            return this;
        }

        /// <summary>Outdents and writes <c>}</c> plus <paramref name="suffix"/>.</summary>
        public CodeWriter Close(string suffix = "")
        {
            _depth--;
            Line("}" + suffix);
            return this;
        }

        /// <summary>Indents the following lines by one level.</summary>
        public CodeWriter Indent()
        {
            _depth++;
            return this;
        }

        /// <summary>Outdents the following lines by one level.</summary>
        public CodeWriter Outdent()
        {
            _depth--;
            return this;
        }

        /// <inheritdoc/>
        public override string ToString() => _text.ToString();
    }
}
