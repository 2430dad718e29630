using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using AmpController.Simulator.Board;
using AmpController.Simulator.Cli;
using AmpController.Simulator.Plot;
using AmpController.Simulator.Scenario;
using AmpController.Simulator.Trace;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Commands;

public sealed class RunCommand(Func<BoardConfig, ISimulatedBoard> createBoard) : ICommand
{
    public RunCommand() : this(BoardFactory.Create) { }

    public string Name => "run";

    public HelpedCommand Build(CliIo io)
    {
        var file = new Argument<string?>("SCENARIO.json") { Description = "The scenario file to run", Arity = ArgumentArity.ZeroOrOne };
        var trace = CliOptions.Text("--trace", "FILE.jsonl", """
            Write the trace: one JSON object per change of the real board state, at least
            every 100 ms: {"tMs","state","relayClosed","gainDb","attenuationDb","capDb","splDbA","fault"}
            """);
        var plot = CliOptions.Text("--plot", "FILE.png", "Draw level against limit and cap, the chip settings and the relay over time");
        var command = new HelpedCommand(Name, "Run a scenario file and check its expectations")
        {
            Usage = "Usage: ampsim run <SCENARIO.json> [--trace <FILE.jsonl>] [--plot <FILE.png>]",
            Details = """
                Plays the scenario on the simulated board running the real controller, then checks its "expect" list.
                The scenario format (docs/design.md §7) is described in docs/scenarios.md; the built-in scenarios are
                in firmware/AmpController.Simulator/Scenarios/.
                """,
            Examples =
            [
                "ampsim run firmware/AmpController.Simulator/Scenarios/01-hd600.json",
                "ampsim run my-scenario.json --trace out/my.jsonl --plot out/my.png",
            ],
            ExitCodes =
            [
                (0, "all expectations met"),
                (1, "an expectation failed (stderr says which, when and the value)"),
                (2, "bad input (unreadable or invalid scenario: stderr names the JSON path)"),
            ],
        };
        // System.CommandLine would take an unknown `--option` as the file name; the old reader called it what it is.
        file.Validators.Add(r =>
        {
            if (r.Tokens.FirstOrDefault()?.Value is { } v && v.StartsWith('-')) r.AddError($"unknown option '{v}'");
        });
        command.Arguments.Add(file);
        command.Options.Add(trace);
        command.Options.Add(plot);
        command.SetAction(p => Run(p.GetValue(file) ?? throw new UsageException("missing SCENARIO.json (see ampsim run --help)"),
            p.GetValue(trace), p.GetValue(plot), io.Out, io.Error));
        return command;
    }

    public int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        AmpSimCli.RunOne(this, args, new CliIo(TextReader.Null, stdout, stderr));

    int Run(string file, string? tracePath, string? plotPath, TextWriter stdout, TextWriter stderr)
    {
        ScenarioSpec scenario;
        try
        {
            scenario = ScenarioFiles.Load(file);
        }
        catch (ScenarioException e)
        {
            stderr.WriteLine($"ampsim run: {file}: {e.Message}");
            return ExitCodes.BadInput;
        }
        RunRecord record;
        try
        {
            foreach (string note in BoardFlash.StoredDifferently(scenario.Board)) // what the device's store keeps differently
                stderr.WriteLine($"ampsim run: {file}: note: {note}");
            using var trace = tracePath is null ? null : TraceWriter.Create(tracePath);
            // Only a plot needs the samples afterwards; otherwise the run streams (trace written, expectations checked
            // as it goes), so a week-long scenario stays within a fixed amount of memory (issue 18).
            record = ScenarioRunner.Run(scenario, createBoard, trace, keepSamples: plotPath is not null);
        }
        catch (IOException e)
        {
            stderr.WriteLine($"ampsim run: cannot write trace '{tracePath}': {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"ampsim run: cannot write trace '{tracePath}': {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (ArgumentException e) // a value the validator let through but the simulated board refuses
        {
            stderr.WriteLine($"ampsim run: {file}: the simulated board rejected the scenario: {e.Message}");
            return ExitCodes.BadInput;
        }

        if (plotPath is not null)
        {
            if (!TracePlot.TrySave(record, plotPath, out string? error))
            {
                stderr.WriteLine($"ampsim run: cannot write plot '{plotPath}': {error}");
                return ExitCodes.BadInput;
            }
        }

        var verdict = ExpectationVerdict.Check(record);
        stdout.WriteLine(verdict.Summary(record));
        foreach (var failure in verdict.Failures) stderr.WriteLine($"ampsim run: {failure}");
        return verdict.Failures.Count == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }
}
