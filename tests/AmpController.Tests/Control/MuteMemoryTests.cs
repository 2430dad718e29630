using System.Collections.Generic;
using AmpController.Core.Control;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>Issue 19: a reboot after a stall or crash keeps the listener's mute.</summary>
[TestClass]
public class MuteMemoryTests
{
    private sealed class FakeMuteMemory : IMuteMemory
    {
        public bool Muted { get; set; }
        public readonly List<bool> Remembered = new();
        public void Remember(bool muted) { Remembered.Add(muted); Muted = muted; }
    }

    static Rig RigWith(FakeMuteMemory memory)
    {
        var rig = new Rig(muteMemory: memory);
        return rig;
    }

    [TestMethod]
    public void Every_mute_change_is_remembered()
    {
        var memory = new FakeMuteMemory();
        var rig = RigWith(memory);
        rig.Boot();
        rig.PlugAndPlay();
        rig.Controller.RequestMute(true);
        rig.Tick();
        Assert.IsTrue(memory.Muted);
        rig.Controller.RequestMute(false);
        rig.Tick();
        Assert.IsFalse(memory.Muted);
        rig.Controller.RequestMute(true);
        rig.Tick();
        rig.Jack.Level = false;
        rig.Tick();
        Assert.IsFalse(memory.Muted, "a removal forgets the mute (S2: the next insertion starts fresh)");
    }

    [TestMethod]
    public void S2_a_stored_mute_brings_the_headphone_still_in_the_jack_back_muted_after_a_reboot()
    {
        var memory = new FakeMuteMemory { Muted = true };
        var rig = RigWith(memory);
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Playing);
        Assert.IsTrue(rig.Controller.UserMuted);
        Assert.IsTrue(rig.Volume.Muted, "the chip never un-muted");
        Assert.IsTrue(rig.Relay.Closed, "configured and connected, muted");
        rig.Controller.RequestMute(false);
        rig.TickUntil(() => !rig.Volume.Muted);
        Assert.IsFalse(memory.Muted);
        rig.Jack.Level = false;
        rig.Tick(2);
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Playing);
        Assert.IsFalse(rig.Controller.UserMuted, "only the first insertion after the reboot restores it");
    }

    [TestMethod]
    public void A_stored_mute_is_forgotten_when_the_jack_is_empty_after_the_reboot()
    {
        var memory = new FakeMuteMemory { Muted = true };
        var rig = RigWith(memory);
        rig.Boot();
        rig.Tick();
        Assert.IsFalse(memory.Muted);
        Assert.IsFalse(rig.Controller.MuteToRestore);
        rig.PlugAndPlay();
        Assert.IsFalse(rig.Controller.UserMuted);
    }

    [TestMethod]
    public void S8_on_the_board_a_watchdog_reboot_keeps_the_mute_with_one_flash_write_per_toggle()
    {
        var board = SimulatedBoardTests.Booted();
        board.Plug(SimulatedBoardTests.Hd600);
        SimulatedBoardTests.TicksUntil(board, s => s.State == "playing" && !s.Muted);
        int writes = board.Flash.Writes;
        board.PressMute();
        SimulatedBoardTests.TicksUntil(board, s => s.Muted, 500);
        Assert.AreEqual(writes + 1, board.Flash.Writes, "one settings record per toggle");
        board.InjectFault(new FaultSpec(BoardFaultKind.Stall, FaultDevice.Board));
        int reboots = board.WatchdogReboots;
        Assert.IsTrue(SimulatedBoardTests.TicksUntil(board, _ => board.WatchdogReboots > reboots, 3000) > 0);
        for (int t = 0; t < 2000; t += ControllerTiming.TickMs)
        {
            board.Tick();
            Assert.IsNull(board.Snapshot().SplDbA, $"sound at {board.NowMs} ms after the reboot");
        }
        Assert.AreEqual("playing", board.Snapshot().State);
        Assert.IsTrue(board.Controller.UserMuted);
        board.PressMute();
        SimulatedBoardTests.TicksUntil(board, s => s.SplDbA is not null, 1000);
        Assert.IsTrue(board.Snapshot().SplDbA <= board.Config.SafeDefaultDbA, "un-muted: back at the safe level");
        Assert.AreEqual(writes + 2, board.Flash.Writes - WatchdogRecords(board, reboots), "one more write for the un-mute");
    }

    /// <summary>The boot-loop guard's own records (S8) written by the reboot, not by the mute.</summary>
    static int WatchdogRecords(SimulatedBoard board, int rebootsBefore) => board.WatchdogReboots - rebootsBefore;
}
