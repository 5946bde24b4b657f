using System;

namespace Gen
{
    /// <summary>An environment variable that Gen reads has a value it cannot use; the message quotes it and says what is expected.</summary>
    public sealed class EnvironmentVariableException : ArgumentException
    {
        /// <summary>Creates the exception.</summary>
        public EnvironmentVariableException(string variable, string message)
            : base(message) => Variable = variable;

        /// <summary>The variable's name.</summary>
        public string Variable { get; }
    }
}
