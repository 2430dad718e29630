using System;
using System.IO;
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
    public string Summary => "Run a scenario file and check its expectations";
    public string Usage => """
        Usage: ampsim run <SCENARIO.json> [--trace <FILE.jsonl>] [--plot <FILE.png>]

        Plays the scenario on the simulated board running the real controller, then checks its "expect" list.
        The scenario format (docs/design.md §7) is described in docs/scenarios.md.

        Arguments:
          <SCENARIO.json>      The scenario file to run

        Options:
          --trace <FILE.jsonl> Write the trace: one JSON object per change of the real board state, at least
                               every 100 ms: {"tMs","state","relayClosed","gainDb","attenuationDb","capDb","splDbA","fault"}
          --plot <FILE.png>    Draw level, cap and gain over time with fault markers
          -h, --help           Show this help

        Exit codes: 0 all expectations met, 1 an expectation failed (stderr says which, when and the value),
        2 bad input (unreadable or invalid scenario: stderr names the JSON path).
        """;

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = new OptionReader(args, [], ["--trace", "--plot"], maxPositional: 1);
        if (options.Positional.Count == 0) throw new UsageException("missing SCENARIO.json (see ampsim run --help)");
        string file = options.Positional[0];

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
        string? tracePath = options.Value("--trace");
        try
        {
            using var trace = tracePath is null ? null : TraceWriter.Create(tracePath);
            record = ScenarioRunner.Run(scenario, createBoard, trace);
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

        if (options.Value("--plot") is string plotPath)
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
