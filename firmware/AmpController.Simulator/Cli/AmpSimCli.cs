using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;

namespace AmpController.Simulator.Cli;

/// <summary>
/// `ampsim` on System.CommandLine: the commands of docs/design.md §7, help with examples and exit codes on every
/// command, and every parse error as ONE line on stderr with exit 2 (not the library's multi-line error and help dump).
/// </summary>
public static class AmpSimCli
{
    public static ICommand[] Commands() =>
    [
        new Commands.DemoCommand(),
        new Commands.RunCommand(),
        new Commands.CapCommand(),
        new Commands.SenseCommand(),
        new Commands.BenchCommand(),
        new Commands.SerialConsoleCommand(),
        new Commands.SoakCommand(),
    ];

    static readonly string[] RootExamples =
    [
        "ampsim demo",
        "ampsim run my-scenario.json --trace out/trace.jsonl --plot out/level.png",
        "ampsim cap --impedance 300 --sensitivity 97 --unit dB/mW",
        "ampsim sense --load mono:32 --json",
        "ampsim COMMAND --help",
    ];

    public static int Dispatch(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Dispatch(args, new CliIo(stdin, stdout, stderr), Commands());

    /// <summary>Runs one command object with its own arguments (tests hand it a fake board).</summary>
    public static int RunOne(ICommand command, string[] args, CliIo io) => Dispatch([command.Name, .. args], io, [command]);

    static int Dispatch(string[] args, CliIo io, ICommand[] commands)
    {
        if (args is ["help", .. var rest]) args = [.. rest.Take(1), "--help"]; // `ampsim help run` = `ampsim run --help`
        var root = new RootCommand("ampsim - runs the AmpController firmware on a simulated amplifier board");
        foreach (var command in commands) root.Add(command.Build(io));
        foreach (var option in root.Options)
        {
            if (option is HelpOption) option.Action = new WriteHelp(root, io.Out);
            if (option is VersionOption) option.Action = new WriteVersion(io.Out);
        }

        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is WriteHelp or WriteVersion) return parse.Invoke();
        if (args.Length == 0)
        {
            WriteRootHelp(root, io.Out);
            return ExitCodes.BadInput;
        }
        string prefix = parse.CommandResult.Command is RootCommand ? "ampsim" : $"ampsim {parse.CommandResult.Command.Name}";
        if (parse.Errors.Count > 0)
        {
            io.Error.WriteLine($"{prefix}: {OneLine(parse)}");
            return ExitCodes.BadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            io.Error.WriteLine($"{prefix}: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>The first problem of a failed parse, in the words the commands have always used.</summary>
    static string OneLine(ParseResult parse)
    {
        if (parse.UnmatchedTokens.FirstOrDefault() is { } token)
            return parse.CommandResult.Command is RootCommand ? $"unknown command '{token}'. Run 'ampsim --help' for the list."
                : token.StartsWith('-') ? $"unknown option '{token}'"
                : $"unexpected argument '{token}'";
        var error = parse.Errors[0];
        if (error.SymbolResult is OptionResult option && option.Tokens.Count != 1)
            return option.Tokens.Count == 0 ? $"option {option.Option.Name} needs a value" : $"option {option.Option.Name} given more than once";
        if (error.SymbolResult is CommandResult { Command: RootCommand })
            return "no command given. Run 'ampsim --help' for the list.";
        return error.Message;
    }

    static void WriteRootHelp(RootCommand root, TextWriter o)
    {
        o.WriteLine(root.Description);
        o.WriteLine();
        o.WriteLine("Usage: ampsim COMMAND [options]");
        HelpedCommand.Section(o, "Commands:", root.Subcommands.Select(c => (c.Name, c.Description ?? "")).ToList());
        HelpedCommand.Section(o, "Options:",
        [
            ("-h, --help", "Show help for ampsim or for a command (ampsim COMMAND --help, ampsim help COMMAND)"),
            ("--version", "Show the version"),
        ]);
        o.WriteLine();
        o.WriteLine("Examples:");
        foreach (var example in RootExamples) o.WriteLine("  " + example);
        HelpedCommand.Section(o, "Exit codes:",
        [
            ("0", "success"),
            ("1", "a check or expectation failed"),
            ("2", "bad input: one line on stderr says what"),
        ]);
    }

    sealed class WriteHelp(RootCommand root, TextWriter output) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            if (parseResult.CommandResult.Command is HelpedCommand command) command.WriteHelp(output);
            else WriteRootHelp(root, output);
            return ExitCodes.Ok;
        }
    }

    sealed class WriteVersion(TextWriter output) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            output.WriteLine(typeof(AmpSimCli).Assembly.GetName().Version);
            return ExitCodes.Ok;
        }
    }
}
