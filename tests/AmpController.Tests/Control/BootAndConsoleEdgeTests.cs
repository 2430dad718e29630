using AmpController.Core.Control;
using AmpController.Core.Supervision;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>S1, S6, S8, S10: safe mode at boot, the supply supervisor's first readings, console requests in the wrong state, and what the controller reports.</summary>
[TestClass]
public class BootAndConsoleEdgeTests
{
    private sealed class StoredMute : IMuteMemory
    {
        public bool Muted { get; set; }
        public void Remember(bool muted) { Muted = muted; }
    }

    private static BootLoopGuard LoopingGuard()
    {
        var store = new MemoryStore();
        for (int i = 0; i < BootLoopGuard.QuickBootsForSafeMode; i++) { var g = new BootLoopGuard(store); g.Load(); g.RecordUnexpectedReboot(); }
        var guard = new BootLoopGuard(store);
        guard.Load();
        return guard;
    }

    [TestMethod]
    public void S8_safe_mode_at_boot_mutes_a_chip_that_powered_up_unmuted()
    {
        var rig = new Rig();
        rig.Volume.Muted = false; // the attenuator's state after a crash reboot is whatever it held
        var ports = new ControllerPorts(rig.Clock, rig.Volume, rig.Switches, rig.Sensor, rig.Relay, rig.Jack, rig.A, rig.B, rig.Button);
        var c = new Controller(ports, rig.Policy, null, LoopingGuard());
        Assert.AreEqual(ControllerState.SafeMode, c.State, "precondition: safe mode");
        Assert.IsTrue(rig.Volume.Muted, "entering safe mode mutes the attenuator");
        Assert.IsFalse(rig.Relay.Closed, "and holds the relay open");
    }

    [TestMethod]
    public void S8_in_safe_mode_every_tick_drives_the_relay_open()
    {
        var rig = new Rig(null, LoopingGuard());
        rig.Tick(5);
        rig.Relay.Write(true); // a glitch on the pin, or a console procedure that left it closed
        rig.Tick();
        Assert.IsFalse(rig.Relay.Closed, "the safe-mode tick opens the relay again");
    }

    [TestMethod]
    public void S10_leaving_safe_mode_when_not_in_it_changes_nothing()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Controller.LeaveSafeMode();
        Assert.AreEqual(ControllerState.Unplugged, rig.Controller.State, "not in safe mode: no restart");
        Assert.AreEqual(0, rig.Controller.FaultCount, "no fault");
        Assert.AreEqual(0, rig.Controller.UnlistedTransitions, "no unlisted transition tried");
    }

    [TestMethod]
    public void S10_a_reevaluation_requested_while_unplugged_measures_nothing()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Controller.RequestReevaluation();
        rig.Tick(3);
        Assert.AreEqual(ControllerState.Unplugged, rig.Controller.State, "nothing plugged: nothing to re-evaluate");
        Assert.AreEqual(0, rig.Sensor.Starts, "no measurement");
        Assert.AreEqual(0, rig.Controller.FaultCount, "no fault");
    }

    [TestMethod]
    public void S10_a_reevaluation_while_measuring_does_not_restart_the_measurement()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Sensor.NeverFinishes = true;
        rig.Jack.Level = true;
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Measuring, 1000) >= 0, "precondition: measuring");
        rig.Controller.RequestReevaluation();
        rig.Tick();
        Assert.AreEqual(1, rig.Sensor.Starts, "the measurement under way goes on");
        Assert.AreEqual(1, rig.Controller.InsertionCount, "no second insertion counted");
    }

    [TestMethod]
    public void The_controller_reports_the_gain_and_the_level_it_plays_at()
    {
        var rig = new Rig();
        rig.Policy.GainDb = 6;
        rig.Boot();
        rig.PlugAndPlay();
        Assert.AreEqual(6, rig.Controller.GainDb, "the decision's gain");
        Assert.IsNotNull(rig.Controller.Decision, "the decision is reported");
        Assert.AreEqual(rig.Policy.CapDb, rig.Controller.Decision.CapDb, "the decision reported is the policy's");
        Assert.AreEqual(rig.Policy.SafeStartDb, rig.Controller.LevelDb, "the attenuator level written");
        Assert.AreEqual(rig.Volume.Level, rig.Controller.LevelDb, "as the chip holds it");
    }

    [TestMethod]
    public void A_stored_mute_is_reported_as_to_restore_until_the_first_insertion_takes_it()
    {
        var rig = new Rig(muteMemory: new StoredMute { Muted = true });
        Assert.IsTrue(rig.Controller.MuteToRestore, "stored mute waits for the first insertion");
        rig.Boot();
        rig.Jack.Level = true;
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 2000) >= 0, "plays (muted)");
        Assert.IsFalse(rig.Controller.MuteToRestore, "taken by the insertion");
        Assert.IsTrue(rig.Controller.UserMuted, "restored");
    }

    // ---- S6: the supply supervisor's readings at the very start ----

    [TestMethod]
    public void S6_a_good_supply_reading_at_time_zero_counts_and_a_later_drop_is_an_event()
    {
        var rig = new Rig(supervised: true);
        rig.Controller.SampleInputs(); // the 1 ms sampler's first run, at 0 ms
        rig.Boot();
        Assert.AreEqual(ControllerState.Unplugged, rig.Controller.State, "the supply good since 0 ms: the start-up went on");
        rig.Supply.Level = false;
        rig.Controller.SampleInputs();
        Assert.AreEqual(1, rig.Controller.SupplyEvents, "a drop after the good reading at 0 ms is a supply event");
    }

    [TestMethod]
    public void S6_the_chips_are_initialised_exactly_when_the_supply_has_been_good_for_the_settle_time()
    {
        var rig = new Rig(supervised: true);
        rig.Supply.Level = false;
        rig.Tick(40);
        rig.Supply.Level = true;
        rig.Tick();
        long goodAt = rig.Clock.NowMs;
        int inits = rig.Volume.Inits;
        Assert.IsTrue(rig.TickUntil(() => rig.Volume.Inits > inits, 1000) >= 0, "initialised");
        Assert.AreEqual(goodAt + Controller.SettleAfterSupervisorMs, rig.Clock.NowMs,
            "the first tick with the supply good for the settle time initialises the chips");
    }
}
