using System;
using AmpController.Core.Control;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;
using AmpController.Core.Storage;

namespace AmpController.Tests.Control;

/// <summary>End-to-end on the simulated board: real controller, real drivers, simulated bus and chips.</summary>
[TestClass]
public class SimulatedBoardTests
{
    internal static double DbPerV(double dbPerMw, double ohm) => dbPerMw + 10 * Math.Log10(1000 / ohm);

    internal static HeadphoneLoad Hd600 => new(300, 300, DbPerV(97, 300));

    internal static SimulatedBoard Booted(VolumeChipChoice chip = VolumeChipChoice.Ds1882, bool withProfile = false)
    {
        var profiles = withProfile ? new[] { new ProfileSpec("HD600", 300, 97, AmpController.Core.Acoustics.SensitivityUnit.DbPerV) } : null;
        var board = new SimulatedBoard(new BoardConfig(VolumeChip: chip, Profiles: profiles));
        while (board.Controller.State != ControllerState.Unplugged) { board.Tick(); Assert.IsTrue(board.NowMs < 2000); }
        return board;
    }

    internal static long TicksUntil(SimulatedBoard board, Func<BoardSnapshot, bool> done, int limitMs = 5000)
    {
        long start = board.NowMs;
        while (!done(board.Snapshot()))
        {
            if (board.NowMs - start > limitMs) return -1;
            board.Tick();
        }
        return board.NowMs - start;
    }

    /// <summary>Stalls the loop until the watchdog has rebooted the board QuickBootsForSafeMode times (S8).</summary>
    internal static void StallIntoSafeMode(SimulatedBoard board)
    {
        for (int n = 0; n < AmpController.Core.Supervision.BootLoopGuard.QuickBootsForSafeMode; n++)
        {
            TicksUntil(board, s => s.State is "playing" or "safeMode", 3000);
            board.InjectFault(new FaultSpec(BoardFaultKind.Stall, FaultDevice.Board));
            int reboots = board.WatchdogReboots;
            TicksUntil(board, _ => board.WatchdogReboots > reboots, 3000);
        }
    }

    [TestMethod]
    [DataRow(VolumeChipChoice.Ds1882)]
    [DataRow(VolumeChipChoice.Pt2258)]
    public void S2_insertion_to_music_at_the_safe_level_within_300ms(VolumeChipChoice chip)
    {
        var board = Booted(chip, withProfile: true); // a matching profile is only offered: the worst case holds (S12)
        board.Plug(Hd600);
        long ms = TicksUntil(board, s => s.State == "playing");
        var s = board.Snapshot();
        Console.WriteLine($"{chip}: insertion to music {ms} ms, {s.SplDbA:F1} dBA, gain {s.GainDb}, att {s.AttenuationDb}, cap {s.CapDb}");
        Assert.IsTrue(ms >= 0 && ms <= 300, $"insertion to music took {ms} ms");
        Assert.IsTrue(s.RelayClosed);
        Assert.IsFalse(s.Muted);
        Assert.IsNotNull(s.SplDbA);
        Assert.IsTrue(s.SplDbA <= board.Config.SafeDefaultDbA, $"{s.SplDbA} dBA at start");
        var d = board.Policy.LastDecision!;
        Assert.AreEqual(AmpController.Core.Acoustics.SensitivitySource.WorstCase, d.Source);
        Assert.AreEqual("HD600", s.Offer);
        Assert.IsNull(s.Profile);
        Assert.IsTrue(d.SplAtSafeStartDbA >= board.Config.SafeDefaultDbA - 1,
            $"{d.SplAtSafeStartDbA} dBA: with the worst-case sensitivity music starts within 1 dB of the safe default");
    }

    [TestMethod]
    [DataRow(VolumeChipChoice.Ds1882)]
    [DataRow(VolumeChipChoice.Pt2258)]
    public void S2_removal_opens_the_relay_within_10ms(VolumeChipChoice chip)
    {
        var board = Booted(chip);
        board.Plug(Hd600);
        TicksUntil(board, s => s.State == "playing");
        for (int i = 0; i < 7; i++) board.Tick();
        board.Unplug();
        long ms = TicksUntil(board, s => !s.RelayClosed, 100);
        Console.WriteLine($"{chip}: removal to relay open {ms} ms");
        Assert.IsTrue(ms >= 0 && ms <= 10, $"removal to relay open took {ms} ms");
        board.Tick();
        Assert.IsTrue(board.Snapshot().Muted);
    }

    [TestMethod]
    public void S11_encoder_on_the_board_moves_one_dB_per_detent_and_stops_at_the_cap()
    {
        var board = Booted();
        board.Plug(Hd600);
        TicksUntil(board, s => s.State == "playing");
        double before = board.Snapshot().AttenuationDb;
        board.TurnEncoder(3);
        for (int i = 0; i < 20; i++) board.Tick();
        Assert.AreEqual(before + 3, board.Snapshot().AttenuationDb);
        board.TurnEncoder(100);
        for (int i = 0; i < 300; i++) board.Tick();
        var s = board.Snapshot();
        Assert.AreEqual((double)s.CapDb!.Value, s.AttenuationDb);
        Assert.IsTrue(s.SplDbA <= board.Config.LimitDbA, $"{s.SplDbA} dBA at the cap");
    }
}

[TestClass]
public class SimulatedBoardWatchdogTests
{
    [TestMethod]
    public void S8_a_hung_loop_is_rebooted_by_the_watchdog_and_music_returns_at_the_safe_level()
    {
        var board = SimulatedBoardTests.Booted();
        board.Plug(SimulatedBoardTests.Hd600);
        SimulatedBoardTests.TicksUntil(board, s => s.State == "playing");
        board.TurnEncoder(10);
        for (int i = 0; i < 50; i++) board.Tick();
        double before = board.Snapshot().AttenuationDb;
        board.InjectFault(new FaultSpec(BoardFaultKind.Stall, FaultDevice.Board));
        long hungAt = board.NowMs;
        long ms = SimulatedBoardTests.TicksUntil(board, s => !s.RelayClosed, 2000);
        Console.WriteLine($"stall to relay open (hardware watchdog, no firmware) {ms} ms");
        // The loop stops feeding GPIO 14: the board's watchdog drops K1's coil supply (ngspice worst case 91.6 ms).
        Assert.IsTrue(ms >= 0 && ms <= AmpController.Simulator.Board.HardwareSafetyTiming.LastFeedToRelayOpenMaxMs + 10, $"{ms} ms");
        for (int i = 0; board.WatchdogReboots == 0 && i * 10 <= 2 * AmpController.Core.Supervision.SoftwareWatchdog.DefaultPeriodMs + 10; i++)
            board.Tick();
        Console.WriteLine($"stall to stall-monitor reboot {board.NowMs - hungAt} ms");
        Assert.AreEqual(1, board.WatchdogReboots);
        long back = SimulatedBoardTests.TicksUntil(board, s => s.State == "playing" && !s.Muted, 2000);
        Console.WriteLine($"reboot to music {back} ms");
        Assert.IsTrue(back >= 0 && back <= 1000);
        var s = board.Snapshot();
        Assert.IsTrue(s.AttenuationDb < before, "after the reboot the level is the safe start, not the level before");
        Assert.IsTrue(s.SplDbA <= board.Config.SafeDefaultDbA);
        Assert.IsTrue(board.NowMs - hungAt < 3000);
    }

    [TestMethod]
    public void S8_three_watchdog_reboots_without_a_stable_run_start_safe_mode_on_the_board()
    {
        var board = SimulatedBoardTests.Booted();
        board.Plug(SimulatedBoardTests.Hd600);
        SimulatedBoardTests.StallIntoSafeMode(board);
        for (int i = 0; i < 300; i++)
        {
            board.Tick();
            var s = board.Snapshot();
            Assert.AreEqual("safeMode", s.State);
            Assert.IsFalse(s.RelayClosed);
        }
        Assert.AreEqual(3, board.WatchdogReboots);
    }
}
