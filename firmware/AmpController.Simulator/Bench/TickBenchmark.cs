using System;
using System.Diagnostics;
using AmpController.Simulator.Board;
using AmpController.Simulator.Scenario;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Bench;

public sealed record BenchResult(double RealTimeFactor, double BytesPerTick, long Ticks, double WallSeconds, string State, bool RelayClosed);

/// <summary>
/// Measures the steady playing tick: an HD600 is plugged and turned up, the controller reaches playing, then
/// <c>ticks</c> control ticks (with the controller's own 100 ms supervision) are timed and their allocations
/// counted with GC.GetAllocatedBytesForCurrentThread.
/// </summary>
public static class TickBenchmark
{
    public const long TickMs = 10;
    public const int SettleTicks = 300;   // 3 s: insertion to music is ≤ 300 ms (issue 8), plus the encoder turn
    public const int WarmUpTicks = 20_000; // JIT tiering and caches

    public static BenchResult Run(Func<BoardConfig, ISimulatedBoard> createBoard, long ticks)
    {
        var board = createBoard(new BoardConfig(Seed: 1));
        board.Plug(new HeadphoneLoad(300, 300, Sensitivity.ToDbPerV(97, Core.Acoustics.SensitivityUnit.DbPerMw, 300)));
        for (int i = 0; i < SettleTicks; i++)
        {
            if (i == 100) board.TurnEncoder(6);
            board.Tick();
        }
        for (int i = 0; i < WarmUpTicks; i++) board.Tick();

        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (long i = 0; i < ticks; i++) board.Tick();
        long elapsed = Stopwatch.GetTimestamp() - start;
        long bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;

        double wallSeconds = Math.Max(elapsed, 1) / (double)Stopwatch.Frequency;
        double simulatedSeconds = ticks * TickMs / 1000.0;
        var end = board.Snapshot();
        return new BenchResult(simulatedSeconds / wallSeconds, bytes / (double)ticks, ticks, wallSeconds, end.State, end.RelayClosed);
    }
}
