using System;
using AmpController.Simulator.Board;
using AmpController.Tests.Control;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Runtime;

/// <summary>
/// Removal on the device profile (issue 13): the jack switch in series with K1's coil opens the relay by itself; the
/// firmware, which polls the jack once per tick and counts its edges on a PCNT unit, notices within one control tick,
/// even a replug that happened entirely between two ticks.
/// </summary>
[TestClass]
public class RemovalTests
{
    [TestMethod]
    public void S2_the_jack_interlock_opens_the_relay_at_once_and_the_firmware_notices_within_one_tick()
    {
        var board = DeviceRuntimeTests.Playing();
        long openedAt = -1;
        board.Relay.Opening = () => { if (openedAt < 0) openedAt = board.NowMs; };
        long pulledAt = board.NowMs;
        board.Unplug();
        long ticksAt = board.ControlTicks;
        while (board.Controller.State != Core.Control.ControllerState.Unplugged) board.Tick();
        long noticed = board.NowMs - pulledAt;
        Console.WriteLine($"plug out: K1 open after {openedAt - pulledAt} ms (hardware), firmware unplugged after {noticed} ms, {board.ControlTicks - ticksAt} tick(s)");
        Assert.IsTrue(openedAt - pulledAt <= Math.Ceiling(HardwareSafetyTiming.PlugRemovalToRelayOpenMaxMs) + 3, "contact bounce of the switch, then the coil's release");
        Assert.IsTrue(board.ControlTicks - ticksAt <= 2, "within one control tick (a late wake-up makes it two)");
        Assert.IsTrue(noticed <= 30);
    }

    [TestMethod]
    public void S2_S7_a_replug_between_two_ticks_is_seen_by_the_jack_edge_counter_and_the_new_load_is_measured()
    {
        var board = DeviceRuntimeTests.Playing();
        board.TurnEncoder(15);
        for (int i = 0; i < 30; i++) board.Tick();
        var iem = new HeadphoneLoad(16, 16, SimulatedBoardTests.DbPerV(125, 16)); // far more sensitive
        board.Unplug();
        board.Plug(iem); // both within the same 10 ms: no tick reads the jack open
        board.Tick();
        Assert.AreNotEqual("playing", board.Snapshot().State, "the replug was taken as a removal");
        long back = SimulatedBoardTests.TicksUntil(board, s => s.State == "playing" && s.RelayClosed && !s.Muted, 3000);
        Assert.IsTrue(back >= 0);
        var snapshot = board.Snapshot();
        Console.WriteLine($"IEM after the replug: {snapshot.SplDbA:F1} dBA after {back} ms");
        Assert.IsTrue(snapshot.SplDbA <= board.Config.SafeDefaultDbA, "the IEM starts at the safe level, not at the HD 600's");
    }

    [TestMethod]
    public void S2_S7_a_replug_between_two_ticks_never_closes_K1_again_at_the_old_level()
    {
        foreach (int seed in new[] { 1, 2, 3, 4, 5, 6 })
        {
            var board = DeviceRuntimeTests.Playing(seed);
            board.TurnEncoder(15);
            for (int i = 0; i < 30; i++) board.Tick();
            Assert.IsTrue(board.Relay.Closed && board.JackLatchSet, "playing: K1 closed, the jack-out latch set");
            var closings = new System.Collections.Generic.List<(long AtMs, bool Muted, bool Measured)>();
            bool measured = false;
            Action? observer = board.Relay.Closing;
            board.Relay.Closing = () => { observer?.Invoke(); closings.Add((board.NowMs, board.VolumeChip.Muted, measured)); };
            long replugAt = board.NowMs;
            board.Unplug();
            board.Plug(new HeadphoneLoad(16, 16, SimulatedBoardTests.DbPerV(125, 16))); // within one tick: no tick reads it out
            board.Tick();
            Assert.IsFalse(board.Relay.Closed || board.JackLatchSet, $"seed {seed}: the latch holds K1 open after the replug");
            for (int t = 0; t < 300 && !(board.Snapshot().State == "playing" && board.Relay.Closed); t++)
            {
                board.Tick();
                if (board.Controller.State == Core.Control.ControllerState.Measuring) measured = true;
            }
            Assert.IsTrue(board.Relay.Closed, $"seed {seed}: music again");
            Assert.IsNotEmpty(closings, $"seed {seed}");
            foreach (var c in closings)
            {
                Assert.IsTrue(c.Muted, $"seed {seed}: K1 closed at {c.AtMs - replugAt} ms after the replug onto an attenuator that was not muted");
                Assert.IsTrue(c.Measured, $"seed {seed}: K1 closed at {c.AtMs - replugAt} ms before the new load was measured");
            }
            Assert.IsLessThanOrEqualTo((double)board.Config.SafeDefaultDbA, board.Snapshot().SplDbA ?? 0, $"seed {seed}: the IEM plays at the safe level at most");
        }
    }
}
