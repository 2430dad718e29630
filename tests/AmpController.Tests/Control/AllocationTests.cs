using System;
using AmpController.Core.Supervision;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;
using AmpController.Core.Storage;

namespace AmpController.Tests.Control;

/// <summary>
/// docs/design.md §3: the steady control tick allocates nothing. Measured around the whole simulated board's tick, which
/// includes the real Core controller and drivers and the simulated bus and chips (they do not allocate either), so
/// the number is an upper bound for Core's part.
/// </summary>
[TestClass]
public class AllocationTests
{
    private const int Ticks = 10_000;

    /// <summary>
    /// Bytes allocated on this thread over n board ticks. Fully optimised from the start: a tier-0 loop that the JIT
    /// replaces on the stack (OSR) part-way through allocates its own bookkeeping (24 bytes seen), which is not the board's.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static long BytesOver(SimulatedBoard board, int n)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < n; i++) board.Tick();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [TestMethod]
    [DataRow(VolumeChipChoice.Ds1882)]
    [DataRow(VolumeChipChoice.Pt2258)]
    public void Steady_tick_allocates_zero_bytes_over_10000_ticks(VolumeChipChoice chip)
    {
        var board = SimulatedBoardTests.Booted(chip);
        board.Plug(SimulatedBoardTests.Hd600);
        // Warm up past the one-off flash write of the boot-loop guard (a stable run clears its counter once).
        while (board.NowMs < BootLoopGuard.StableAfterMs + 1000) board.Tick();
        Assert.AreEqual("playing", board.Snapshot().State);
        int supervisionReads = board.Bus.TransferCount(board.VolumeChip.Address);

        long bytes = BytesOver(board, Ticks);

        Console.WriteLine($"{chip}: {bytes} bytes over {Ticks} ticks ({(double)bytes / Ticks:F3} per tick)");
        Assert.AreEqual(0, bytes);
        // Every 50 ms of the firmware's clock; late wake-ups (FreeRTOS jitter, device profile) stretch some periods.
        Assert.IsTrue(board.Bus.TransferCount(board.VolumeChip.Address) - supervisionReads >= Ticks / 6,
            "the measured loop really did supervise the chip every 50 ms");
        Assert.AreEqual("playing", board.Snapshot().State);
    }

    [TestMethod]
    public void Turning_the_encoder_and_muting_allocate_nothing_in_the_tick()
    {
        var board = SimulatedBoardTests.Booted();
        board.Plug(SimulatedBoardTests.Hd600);
        while (board.NowMs < BootLoopGuard.StableAfterMs + 1000) board.Tick();
        long total = 0;
        long controlBefore = board.ControlTickBytes;
        int flashBefore = board.Flash.Writes;
        for (int round = 0; round < 50; round++)
        {
            board.TurnEncoder(round % 2 == 0 ? 3 : -3);
            bool press = round % 10 == 0;
            if (press) board.PressMute();
            long b = BytesOver(board, 40);
            if (b != 0) Console.WriteLine($"round {round}: {b} bytes");
            if (!press) total += b; // a press writes the mute to flash between ticks (issue 19): that allocates, by design
        }
        Assert.AreEqual(0, total, "turning the knob allocates nothing at all");
        Assert.AreEqual(0, board.ControlTickBytes - controlBefore, "the control tick itself allocates nothing, presses included");
        Assert.AreEqual(5, board.Flash.Writes - flashBefore, "each of the 5 presses wrote the mute once, between ticks");
    }

    /// <summary>
    /// S13 and docs/design.md §3 (issue 16): the sound dose is counted in every control tick without allocating; the only
    /// allocations of 25 minutes of playing are the two dose records written between ticks (one per 10 minutes of
    /// listening), and no other tick allocates.
    /// </summary>
    [TestMethod]
    public void S13_dose_is_counted_in_the_tick_without_allocating_and_written_between_ticks_every_10_minutes()
    {
        var board = SimulatedBoardTests.Booted();
        board.Plug(SimulatedBoardTests.Hd600);
        while (board.NowMs < BootLoopGuard.StableAfterMs + 1000) board.Tick();
        Assert.AreEqual("playing", board.Snapshot().State);
        long controlBefore = board.ControlTickBytes;
        int doseWritesBefore = board.DoseStore.Writes;
        double doseBefore = board.Controller.DosePercent;
        int allocatingTicks = 0, allocatingWithoutWrite = 0;
        long end = board.NowMs + 25L * 60 * 1000;
        while (board.NowMs < end)
        {
            int writes = board.Flash.Writes;
            long b = BytesOver(board, 1);
            if (b == 0) continue;
            allocatingTicks++;
            if (board.Flash.Writes == writes) allocatingWithoutWrite++;
        }
        int doseWrites = board.DoseStore.Writes - doseWritesBefore;
        Assert.AreEqual(2, doseWrites, "one dose record per 10 minutes of listening");
        Assert.AreEqual(0, allocatingWithoutWrite, "a tick that wrote nothing to flash allocated");
        Assert.AreEqual(doseWrites, allocatingTicks, "only the ticks that wrote the dose allocated");
        Assert.AreEqual(0, board.ControlTickBytes - controlBefore, "the control tick itself (dose included) allocates nothing");
        Assert.IsTrue(board.Controller.DosePercent > doseBefore, "the dose grew while playing");
    }
}
