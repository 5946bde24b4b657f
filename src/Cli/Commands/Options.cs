using System;
using System.Collections.Generic;
using System.Globalization;

namespace Gen.Cli.Commands
{
    /// <summary>A command-line usage mistake; reported with exit code 2.</summary>
    public sealed class UsageException : Exception
    {
        /// <summary>Creates the exception with the message shown to the user.</summary>
        public UsageException(string message) : base(message) { }
    }

    /// <summary>Parsed <c>--name value</c> options of one command.</summary>
    public sealed class Options
    {
        private readonly Dictionary<string, string> values;

        private Options(Dictionary<string, string> values) => this.values = values;

        /// <summary>Parses <c>--name value</c> pairs, accepting only the given names.</summary>
        public static Options Parse(string[] args, params string[] allowed)
        {
            var known = new HashSet<string>(allowed, StringComparer.Ordinal);
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int k = 0; k < args.Length; k++)
            {
                var arg = args[k];
                if (!arg.StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"unexpected argument '{arg}'");
                var name = arg[2..];
                if (!known.Contains(name)) throw new UsageException($"unknown option '{arg}' (known: {string.Join(", ", allowed)})");
                if (k + 1 >= args.Length) throw new UsageException($"option '{arg}' needs a value");
                values[name] = args[++k];
            }
            return new Options(values);
        }

        /// <summary>An integer option, or its default; a value that is not a positive integer is a usage error.</summary>
        public int Int(string name, int defaultValue, int min = 1)
        {
            if (!values.TryGetValue(name, out var text)) return defaultValue;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
                throw new UsageException($"--{name} must be an integer >= {min}, not '{text}'");
            return value;
        }
    }
}
