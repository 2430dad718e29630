using System;
using System.Diagnostics;
using AmpController.Simulator.Board;
using AmpController.Simulator.Scenario;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Bench;

/// <summary>
/// BytesPerTick is over the steady ticks; StoreWriteTicks are the ticks whose main loop wrote a record to flash between
/// ticks (the sound dose every 10 min of listening, S13; a mute change), counted apart with their bytes: a flash write
/// allocates on the device too (RecordPair's frame, the file system), and it is not the steady tick of docs/design.md §3.
/// </summary>
public sealed record BenchResult(double RealTimeFactor, double BytesPerTick, long Ticks, double WallSeconds, string State, bool RelayClosed,
    long StoreWriteTicks = 0, double BytesPerStoreWrite = 0);

/// <summary>
/// Measures the steady playing tick: an HD600 is plugged and turned up, the controller reaches playing, then
/// <c>ticks</c> control ticks (with the controller's own 100 ms supervision) are timed and their allocations
/// counted with GC.GetAllocatedBytesForCurrentThread, per tick: a tick in which the main loop wrote to flash
/// (<see cref="ISimulatedBoard.FlashWrites"/> moved) is counted apart from the steady ticks.
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

        long steadyBytes = 0, storeBytes = 0, storeTicks = 0;
        long start = Stopwatch.GetTimestamp();
        for (long i = 0; i < ticks; i++)
        {
            int writesBefore = board.FlashWrites;
            long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            board.Tick();
            long bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            if (board.FlashWrites == writesBefore) steadyBytes += bytes;
            else { storeTicks++; storeBytes += bytes; }
        }
        long elapsed = Stopwatch.GetTimestamp() - start;

        double wallSeconds = Math.Max(elapsed, 1) / (double)Stopwatch.Frequency;
        double simulatedSeconds = ticks * TickMs / 1000.0;
        var end = board.Snapshot();
        long steadyTicks = Math.Max(ticks - storeTicks, 1);
        return new BenchResult(simulatedSeconds / wallSeconds, steadyBytes / (double)steadyTicks, ticks, wallSeconds, end.State, end.RelayClosed,
            storeTicks, storeTicks == 0 ? 0 : storeBytes / (double)storeTicks);
    }
}
