using System;

namespace Gen.Cli
{
    /// <summary>A mistake in how <c>gen</c> was called (exit code 2); the message says what and how to fix it.</summary>
    internal sealed class UsageException : Exception
    {
        public UsageException(string message)
            : base(message)
        {
        }
    }

    /// <summary>A run that could not be done (exit code 1): missing data, a bad checkpoint, a diverged loss.</summary>
    internal sealed class RunFailedException : Exception
    {
        public RunFailedException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}
