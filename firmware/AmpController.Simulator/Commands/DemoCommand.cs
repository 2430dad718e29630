using System;
using System.Collections.Generic;
using System.IO;
using AmpController.Simulator.Board;
using AmpController.Simulator.Cli;
using AmpController.Simulator.Plot;
using AmpController.Simulator.Scenario;
using AmpController.Simulator.Timeline;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Commands;

public sealed class DemoCommand(Func<BoardConfig, ISimulatedBoard> createBoard) : ICommand
{
    public DemoCommand() : this(BoardFactory.Create) { }

    public string Name => "demo";

    public HelpedCommand Build(CliIo io)
    {
        var outDir = CliOptions.Text("--out", "DIR", "Folder for the plots, one PNG per scenario (default: ./out)");
        var only = CliOptions.Text("--only", "NAME", "Play only the built-in scenario NAME (e.g. 01-hd600)");
        var noPlots = CliOptions.Flag("--no-plots", "Do not write plots");
        var command = new HelpedCommand(Name, "Play the built-in scenarios with a timeline, a summary and plots in ./out/")
        {
            Usage = "Usage: ampsim demo [--out <DIR>] [--only <NAME>] [--no-plots]",
            Details = """
                Plays the built-in scenarios (HD600, a sensitive multi-driver IEM, an insensitive planar, a mono plug,
                a chip reset, a bus fault storm, the write-only PT2258 board) on the simulated board and explains every
                decision of the controller.
                Works in any terminal and with redirected output (no interactive features).
                """,
            Examples = ["ampsim demo", "ampsim demo --only 01-hd600 --out /tmp/plots", "ampsim demo --no-plots > demo.txt"],
            ExitCodes = [(0, "all scenarios met their expectations"), (1, "one did not"), (2, "bad input")],
        };
        command.Options.Add(outDir);
        command.Options.Add(only);
        command.Options.Add(noPlots);
        command.SetAction(p => Run(p.GetValue(outDir) ?? "out", p.GetValue(only), !p.GetValue(noPlots), io.Out, io.Error));
        return command;
    }

    public int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        AmpSimCli.RunOne(this, args, new CliIo(TextReader.Null, stdout, stderr));

    int Run(string outDir, string? only, bool plots, TextWriter stdout, TextWriter stderr)
    {
        var names = only is not null ? [only] : ScenarioFiles.BuiltInNames;

        var scenarios = new List<(string File, ScenarioSpec Spec)>();
        foreach (var name in names)
        {
            try { scenarios.Add((name, ScenarioFiles.BuiltIn(name))); }
            catch (ScenarioException e)
            {
                stderr.WriteLine($"ampsim demo: {name}: {e.Message}");
                return ExitCodes.BadInput;
            }
        }

        var console = DemoConsole.Create(stdout);
        DemoRenderer.Introduction(console);
        var results = new List<DemoResult>();
        bool passed = true;
        for (int i = 0; i < scenarios.Count; i++)
        {
            var (file, spec) = scenarios[i];
            var narrator = new Narrator(spec);
            var record = ScenarioRunner.Run(spec, createBoard, null, narrator.OnEvent, narrator.OnSample);
            var verdict = ExpectationVerdict.Check(record);
            string? plot = null;
            if (plots)
            {
                plot = Path.Combine(outDir, file + ".png");
                if (!TracePlot.TrySave(record, plot, out string? error))
                {
                    stderr.WriteLine($"ampsim demo: cannot write plot '{plot}': {error}");
                    return ExitCodes.BadInput;
                }
            }
            var result = new DemoResult(spec, record, narrator, verdict, plot);
            results.Add(result);
            passed &= verdict.Passed;
            DemoRenderer.Scenario(console, i + 1, scenarios.Count, result);
        }
        DemoRenderer.Summary(console, results);
        return passed ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }
}
