using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using AmpController.Simulator.Bench;
using AmpController.Simulator.Board;
using AmpController.Simulator.Cli;
using AmpController.Simulator.Scenario;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Commands;

public sealed class BenchCommand(Func<BoardConfig, ISimulatedBoard> createBoard) : ICommand
{
    public BenchCommand() : this(BoardFactory.Create) { }

    /// <summary>Issue 9 targets: one simulated week in well under a minute, and no garbage in the steady tick (docs/design.md §3).</summary>
    public const double TargetRealTimeFactor = 20_000;
    public const long DefaultTicks = 2_000_000; // 20,000 simulated seconds (5.6 h)

    public string Name => "bench";
    public string Summary => "Simulated seconds per wall second and bytes allocated per tick";
    public string Usage => $$"""
        Usage: ampsim bench [--json] [--ticks <N>]

        Plays an HD600 at a normal level with the controller's supervision running, then times N control ticks
        (10 ms each) and counts the bytes they allocate (GC.GetAllocatedBytesForCurrentThread).
        Targets: real-time factor ≥ {{TargetRealTimeFactor:0}} and 0 bytes per tick.

        Options:
          --json       Print one JSON object: {"realTimeFactor":…, "bytesPerTick":…, "ticks":…, …}
          --ticks <N>  Number of measured ticks (default {{DefaultTicks}})
          -h, --help   Show this help

        Exit codes: 0 measured, 1 the board was not playing during the measurement, 2 bad input.
        """;

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = new OptionReader(args, ["--json"], ["--ticks"], maxPositional: 0);
        long ticks = options.Integer("--ticks", DefaultTicks, 1, 1_000_000_000);
        var r = TickBenchmark.Run(createBoard, ticks);
        bool meets = r.RealTimeFactor >= TargetRealTimeFactor && r.BytesPerTick == 0;

        if (options.Flag("--json"))
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using var json = new Utf8JsonWriter(buffer);
            json.WriteStartObject();
            json.WriteNumber("realTimeFactor", Math.Round(r.RealTimeFactor));
            json.WriteNumber("bytesPerTick", r.BytesPerTick);
            json.WriteNumber("ticks", r.Ticks);
            json.WriteNumber("wallSeconds", Math.Round(r.WallSeconds, 3));
            json.WriteString("state", r.State);
            json.WriteBoolean("relayClosed", r.RelayClosed);
            json.WriteNumber("targetRealTimeFactor", TargetRealTimeFactor);
            json.WriteBoolean("meetsTarget", meets);
            json.WriteEndObject();
            json.Flush();
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
        else
        {
            var inv = CultureInfo.InvariantCulture;
            stdout.WriteLine($"ticks:            {r.Ticks.ToString("N0", inv)} ({(r.Ticks * TickBenchmark.TickMs / 1000.0).ToString("N0", inv)} simulated s in {r.WallSeconds.ToString("0.000", inv)} wall s)");
            stdout.WriteLine($"real-time factor: {r.RealTimeFactor.ToString("N0", inv)}x (target ≥ {TargetRealTimeFactor.ToString("N0", inv)}x)");
            stdout.WriteLine($"bytes per tick:   {r.BytesPerTick.ToString("0.###", inv)} (target 0)");
            stdout.WriteLine($"board state:      {r.State}, relay {(r.RelayClosed ? "closed" : "open")}");
            stdout.WriteLine(meets ? "targets met" : "targets NOT met");
        }
        if (!r.RelayClosed)
        {
            stderr.WriteLine($"ampsim bench: the board was not playing (state {r.State}, relay open); the measurement is not of a playing tick");
            return ExitCodes.CheckFailed;
        }
        return ExitCodes.Ok;
    }
}
