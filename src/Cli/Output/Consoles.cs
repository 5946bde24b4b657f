using System.IO;
using Spectre.Console;

namespace Gen.Cli.Output
{
    /// <summary>Spectre.Console consoles over the command's output writer (tests pass a StringWriter: no colours, no animation).</summary>
    internal static class Consoles
    {
        public static IAnsiConsole For(TextWriter output)
        {
            bool terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            });
            if (!terminal)
            {
                // A file or a pipe has no width: tables get room rather than wrapped names.
                console.Profile.Width = 160;
            }

            return console;
        }
    }
}
