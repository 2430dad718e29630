using System;
using System.IO;
using System.Linq;

namespace AmpController.Simulator.Cli;

/// <summary>Dispatches `ampsim COMMAND ...` and prints help in the usual .NET tool layout.</summary>
public static class CommandTable
{
    public static readonly ICommand[] All =
    [
        new Commands.DemoCommand(),
        new Commands.RunCommand(),
        new Commands.CapCommand(),
        new Commands.SenseCommand(),
        new Commands.BenchCommand(),
        new Commands.SerialConsoleCommand(),
    ];

    public static int Dispatch(string[] args, TextWriter stdout, TextWriter stderr) =>
        Dispatch(args, Console.In, stdout, stderr);

    public static int Dispatch(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help" or "-?")
        {
            if (args.Length > 1 && Find(args[1]) is { } target)
            {
                PrintCommandHelp(target, stdout);
                return ExitCodes.Ok;
            }
            PrintHelp(stdout);
            return args.Length == 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        }
        if (args[0] == "--version")
        {
            stdout.WriteLine(typeof(CommandTable).Assembly.GetName().Version);
            return ExitCodes.Ok;
        }
        var command = Find(args[0]);
        if (command is null)
        {
            stderr.WriteLine($"ampsim: unknown command '{args[0]}'. Run 'ampsim --help' for the list.");
            return ExitCodes.BadInput;
        }
        var rest = args.Skip(1).ToArray();
        if (rest.Any(a => a is "-h" or "--help" or "-?"))
        {
            PrintCommandHelp(command, stdout);
            return ExitCodes.Ok;
        }
        try
        {
            return command is IReadsInput reader ? reader.Run(rest, stdin, stdout, stderr) : command.Run(rest, stdout, stderr);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"ampsim {command.Name}: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    static ICommand? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    static void PrintHelp(TextWriter o)
    {
        o.WriteLine("ampsim - runs the AmpController firmware on a simulated amplifier board");
        o.WriteLine();
        o.WriteLine("Usage: ampsim [command] [options]");
        o.WriteLine();
        o.WriteLine("Commands:");
        foreach (var c in All) o.WriteLine($"  {c.Name,-8} {c.Summary}");
        o.WriteLine();
        o.WriteLine("Options:");
        o.WriteLine("  -h, --help   Show help for ampsim or for a command (ampsim COMMAND --help)");
        o.WriteLine("  --version    Show the version");
        o.WriteLine();
        o.WriteLine("Exit codes: 0 success, 1 a check or expectation failed, 2 bad input.");
    }

    static void PrintCommandHelp(ICommand c, TextWriter o)
    {
        o.WriteLine($"ampsim {c.Name} - {c.Summary}");
        o.WriteLine();
        o.WriteLine(c.Usage.TrimEnd());
    }
}
