using System;

namespace Gen.Build.Elf
{
    /// <summary>A file is not an ELF image that <see cref="ElfImage"/> can read; the message says why.</summary>
    public sealed class ElfFormatException : Exception
    {
        /// <summary>Creates the exception with its message.</summary>
        public ElfFormatException(string message)
            : base(message)
        {
        }
    }
}
