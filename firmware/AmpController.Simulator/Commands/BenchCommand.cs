using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using AmpController.Simulator.Bench;
using AmpController.Simulator.DeviceCost;
using AmpController.Simulator.Board;
using AmpController.Simulator.Cli;
using AmpController.Simulator.Scenario;

namespace AmpController.Simulator.Commands;

public sealed class BenchCommand(Func<BoardConfig, ISimulatedBoard> createBoard) : ICommand
{
    public BenchCommand() : this(BoardFactory.Create) { }

    /// <summary>Issue 9 targets: one simulated week in well under a minute, and no garbage in the steady tick (docs/design.md §3).</summary>
    public const double TargetRealTimeFactor = 20_000;
    public const long DefaultTicks = 2_000_000; // 20,000 simulated seconds (5.6 h)

    public string Name => "bench";

    public HelpedCommand Build(CliIo io)
    {
        var json = CliOptions.Flag("--json", "Print one JSON object: {\"realTimeFactor\":…, \"bytesPerTick\":…, \"ticks\":…, …}");
        var ticks = CliOptions.WholeNumber("--ticks", "N", $"Number of measured ticks (default {DefaultTicks})", 1, 1_000_000_000);
        var command = new HelpedCommand(Name, "Simulated seconds per wall second and bytes allocated per tick")
        {
            Usage = "Usage: ampsim bench [--json] [--ticks <N>]",
            Details = $$"""
                Plays an HD600 at a normal level with the controller's supervision running, then times N control ticks
                (10 ms each) and counts the bytes they allocate (GC.GetAllocatedBytesForCurrentThread). A tick whose main
                loop wrote a record to flash (the sound dose every 10 min of listening) is counted apart.
                Targets: real-time factor ≥ {{TargetRealTimeFactor:0}} and 0 bytes per tick. Measure a Release build
                (dotnet run -c Release ...): a Debug build runs unoptimised code and is reported with a warning.
                """,
            Examples = ["ampsim bench", "ampsim bench --ticks 100000 --json"],
            ExitCodes = [(0, "measured"), (1, "the board was not playing during the measurement"), (2, "bad input")],
        };
        command.Options.Add(json);
        command.Options.Add(ticks);
        command.SetAction(p => Run(p.GetValue(json), p.GetValue(ticks) ?? DefaultTicks, io));
        return command;
    }

    public int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        AmpSimCli.RunOne(this, args, new CliIo(TextReader.Null, stdout, stderr));

    /// <summary>True when the controller or the simulator was compiled without optimisation (a Debug build).</summary>
    public static bool IsDebugBuild =>
        new[] { typeof(Core.Control.Controller).Assembly, typeof(BenchCommand).Assembly }
            .Any(a => a.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true);

    int Run(bool json, long ticks, CliIo io)
    {
        bool debug = IsDebugBuild;
        if (debug)
            io.Error.WriteLine("ampsim bench: warning: this is a Debug build (unoptimised); the figures are not the real ones. Use: dotnet run -c Release --project firmware/AmpController.Simulator -- bench");
        var r = TickBenchmark.Run(createBoard, ticks);
        bool meets = r.RealTimeFactor >= TargetRealTimeFactor && r.BytesPerTick == 0;
        var device = DeviceCostModel.Measure();

        if (json)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using var w = new Utf8JsonWriter(buffer);
            w.WriteStartObject();
            w.WriteNumber("realTimeFactor", Math.Round(r.RealTimeFactor));
            w.WriteNumber("bytesPerTick", r.BytesPerTick);
            w.WriteNumber("ticks", r.Ticks);
            w.WriteNumber("storeWriteTicks", r.StoreWriteTicks);
            w.WriteNumber("bytesPerStoreWrite", Math.Round(r.BytesPerStoreWrite));
            w.WriteNumber("wallSeconds", Math.Round(r.WallSeconds, 3));
            w.WriteString("state", r.State);
            w.WriteBoolean("relayClosed", r.RelayClosed);
            w.WriteNumber("targetRealTimeFactor", TargetRealTimeFactor);
            w.WriteBoolean("meetsTarget", meets);
            w.WriteBoolean("optimizedBuild", !debug);
            DeviceCostBenchFields.Write(w, device);
            w.WriteEndObject();
            w.Flush();
            io.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
        else
        {
            var inv = CultureInfo.InvariantCulture;
            var o = io.Out;
            o.WriteLine($"ticks:            {r.Ticks.ToString("N0", inv)} ({(r.Ticks * TickBenchmark.TickMs / 1000.0).ToString("N0", inv)} simulated s in {r.WallSeconds.ToString("0.000", inv)} wall s)");
            o.WriteLine($"real-time factor: {r.RealTimeFactor.ToString("N0", inv)}x (target ≥ {TargetRealTimeFactor.ToString("N0", inv)}x)");
            o.WriteLine($"bytes per tick:   {r.BytesPerTick.ToString("0.###", inv)} (target 0; steady ticks)");
            o.WriteLine($"flash writes:     {r.StoreWriteTicks.ToString("N0", inv)} ticks wrote a record between ticks, {r.BytesPerStoreWrite.ToString("N0", inv)} bytes each (not steady)");
            o.WriteLine($"board state:      {r.State}, relay {(r.RelayClosed ? "closed" : "open")}");
            o.WriteLine(DeviceCostBenchFields.Text(device));
            o.WriteLine((meets ? "targets met" : "targets NOT met") + (debug ? " (Debug build: not representative)" : ""));
        }
        if (!r.RelayClosed)
        {
            io.Error.WriteLine($"ampsim bench: the board was not playing (state {r.State}, relay open); the measurement is not of a playing tick");
            return ExitCodes.CheckFailed;
        }
        return ExitCodes.Ok;
    }
}
