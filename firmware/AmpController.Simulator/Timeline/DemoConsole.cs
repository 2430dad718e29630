using System.IO;
using Spectre.Console;

namespace AmpController.Simulator.Timeline;

/// <summary>
/// A Spectre.Console console over any TextWriter. Never interactive (no prompts, no live displays), so it works
/// the same in a terminal, in CI and with redirected output; colours only where the output is a terminal.
/// </summary>
public static class DemoConsole
{
    public const int RedirectedWidth = 120;

    public static IAnsiConsole Create(TextWriter output)
    {
        bool terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = RedirectedWidth;
        return console;
    }
}
