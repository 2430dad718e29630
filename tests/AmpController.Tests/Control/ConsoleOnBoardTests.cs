using AmpController.Core.Control;
using AmpController.Core.SerialConsole;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Control;

/// <summary>
/// The console wired as on the device (ConsoleShell over ControllerConsoleActions and the stored settings) on the
/// simulated board; assertions read the simulated chips and relay, not the controller.
/// </summary>
[TestClass]
public class ConsoleOnBoardTests
{
    private sealed class Rig
    {
        public readonly SimulatedBoard Board = SimulatedBoardTests.Booted();
        public readonly Settings Settings = new();
        public readonly ConsoleShell Shell;

        public Rig()
        {
            Settings.ApplyTo(Board.Policy.Input);
            Shell = new ConsoleShell(Settings, new SettingsStore(Board.Flash),
                new ControllerConsoleActions(Board.Controller, Board.Policy, Settings));
            Board.Plug(SimulatedBoardTests.Hd600);
            Assert.IsTrue(SimulatedBoardTests.TicksUntil(Board, s => s.State == "playing") >= 0);
        }

        public BoardSnapshot Run(string line, int ms = 1000)
        {
            ConsoleReply reply = Shell.Execute(line);
            Assert.IsTrue(reply.Ok, reply.Text);
            for (int t = 0; t < ms; t += ControllerTiming.TickMs) Board.Tick();
            return Board.Snapshot();
        }
    }

    [TestMethod]
    public void S4_S11_console_volume_steps_stop_at_the_cap()
    {
        var rig = new Rig();
        double before = rig.Board.Snapshot().AttenuationDb;
        Assert.AreEqual(before + 2, rig.Run("vol +2").AttenuationDb);
        var s = rig.Run("vol +60");
        Assert.AreEqual(s.CapDb, (int)s.AttenuationDb);
        Assert.IsTrue(s.SplDbA <= rig.Settings.LimitDbA, $"{s.SplDbA} dBA");
        Assert.AreEqual(s.AttenuationDb - 3, rig.Run("vol -3").AttenuationDb);
    }

    [TestMethod]
    public void S4_a_limit_lowered_on_the_console_holds_at_once_and_comes_back_at_the_safe_level()
    {
        // At the default limit (a console limit above 85 dBA waits for the press at the amplifier, S12).
        var rig = new Rig();
        var loud = rig.Run("vol +60");
        Assert.IsTrue(loud.SplDbA > 66, $"{loud.SplDbA} dBA: the test needs a level above the new limit");

        rig.Shell.Execute("default 60");
        var s = rig.Run("limit 65");
        Assert.AreEqual("playing", s.State);
        Assert.IsTrue(s.SplDbA <= 65, $"{s.SplDbA} dBA after lowering the limit to 65");
        Assert.IsTrue(s.SplDbA <= 60 + 0.5, $"{s.SplDbA} dBA: re-decided insertions start at the safe default (S2)");
        var pushed = rig.Run("vol +60");
        Assert.IsTrue(pushed.SplDbA <= 65, $"{pushed.SplDbA} dBA at the new cap");
    }

    [TestMethod]
    public void S12_a_console_limit_above_85_dBA_is_stored_for_the_acknowledged_tier_but_lifts_no_cap()
    {
        var rig = new Rig();
        var at85 = rig.Run("vol +60");
        rig.Run("limit 100");
        var after = rig.Run("vol +60");
        Assert.AreEqual(100, rig.Settings.LimitDbA, "kept for the tier the press at the amplifier unlocks");
        Assert.AreEqual(85, rig.Settings.EffectiveLimitDbA);
        Assert.AreEqual(85.0, rig.Board.Policy.Input.LimitDbA);
        Assert.AreEqual(at85.AttenuationDb, after.AttenuationDb, "the same cap as at 85 dBA");
        Assert.IsTrue(after.SplDbA <= 85, $"{after.SplDbA} dBA");
    }

    [TestMethod]
    public void Console_mute_and_unmute_reach_the_chip_and_unmute_returns_to_the_same_level()
    {
        var rig = new Rig();
        double level = rig.Board.Snapshot().AttenuationDb;
        Assert.IsTrue(rig.Run("mute").Muted);
        Assert.IsTrue(rig.Run("mute").Muted, "a second mute is not a toggle");
        var s = rig.Run("unmute");
        Assert.IsFalse(s.Muted);
        Assert.AreEqual(level, s.AttenuationDb);
        Assert.IsFalse(rig.Run("unmute").Muted, "a second unmute is not a toggle");
    }

    [TestMethod]
    public void S10_a_bad_line_leaves_the_policy_and_the_board_as_they_were()
    {
        var rig = new Rig();
        var before = rig.Board.Snapshot();
        int insertions = rig.Board.Controller.InsertionCount;
        foreach (string line in new[] { "limit 101", "default 90", "vol +x", "chip X", "profile del nothing" })
        {
            Assert.IsFalse(rig.Shell.Execute(line).Ok, line);
            for (int t = 0; t < 500; t += ControllerTiming.TickMs) rig.Board.Tick();
        }
        var after = rig.Board.Snapshot();
        Assert.AreEqual(before.AttenuationDb, after.AttenuationDb);
        Assert.AreEqual(before.GainDb, after.GainDb);
        Assert.AreEqual(Settings.DefaultLimitDbA, rig.Board.Policy.Input.LimitDbA);
        Assert.AreEqual(insertions, rig.Board.Controller.InsertionCount, "no re-measurement for a rejected edit");
    }

    [TestMethod]
    public void S2_console_volume_asked_for_while_unplugged_does_not_raise_the_next_insertion()
    {
        var board = SimulatedBoardTests.Booted();
        var settings = new Settings();
        var shell = new ConsoleShell(settings, new SettingsStore(board.Flash),
            new ControllerConsoleActions(board.Controller, board.Policy, settings));
        Assert.IsTrue(shell.Execute("vol +60").Ok);
        Assert.IsTrue(shell.Execute("unmute").Ok);
        for (int t = 0; t < 500; t += ControllerTiming.TickMs) board.Tick();

        board.Plug(SimulatedBoardTests.Hd600);
        Assert.IsTrue(SimulatedBoardTests.TicksUntil(board, s => s.State == "playing") >= 0);
        for (int t = 0; t < 1000; t += ControllerTiming.TickMs) board.Tick();
        var s = board.Snapshot();
        Assert.IsTrue(s.SplDbA <= settings.SafeDefaultDbA, $"{s.SplDbA} dBA: insertion must start at the safe default");
        Assert.IsTrue(s.AttenuationDb < s.CapDb, $"attenuation {s.AttenuationDb} dB reached the cap {s.CapDb} dB");
    }

    [TestMethod]
    public void S8_safemode_off_on_the_console_leaves_safe_mode_and_starts_again_at_the_safe_level()
    {
        var board = SimulatedBoardTests.Booted();
        board.Plug(SimulatedBoardTests.Hd600);
        SimulatedBoardTests.StallIntoSafeMode(board);
        for (int i = 0; i < 100; i++) board.Tick();
        Assert.AreEqual("safeMode", board.Snapshot().State);

        var settings = new Settings();
        var shell = new ConsoleShell(settings, new SettingsStore(board.Flash),
            new ControllerConsoleActions(board.Controller, board.Policy, settings));
        var reply = shell.Execute("safemode off");
        Assert.IsTrue(reply.Ok, reply.Text);
        StringAssert.StartsWith(reply.Text, "left safe mode");
        Assert.AreEqual(0, new AmpController.Core.Supervision.BootLoopGuard(board.Flash).Load(), "boot-loop count cleared");
        Assert.IsTrue(SimulatedBoardTests.TicksUntil(board, s => s.State == "playing", 3000) >= 0);
        var playing = board.Snapshot();
        Assert.IsTrue(playing.RelayClosed);
        Assert.IsTrue(playing.SplDbA <= board.Config.SafeDefaultDbA, $"{playing.SplDbA} dBA");

        Assert.AreEqual("not in safe mode; nothing changed", shell.Execute("safemode off").Text);
        Assert.AreEqual("playing", board.Snapshot().State);
    }
}
