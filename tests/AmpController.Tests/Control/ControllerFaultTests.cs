using AmpController.Core.Platform;
using System.Collections.Generic;
using AmpController.Core.Control;
using AmpController.Core.Devices;
using AmpController.Core.Sensing;
using AmpController.Core.Supervision;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

[TestClass]
public class ControllerFaultTests
{
    [TestMethod]
    [DataRow(LoadClass.Short)]
    [DataRow(LoadClass.Open)]
    public void S7_short_and_open_stay_muted_with_relay_open_and_are_measured_again(LoadClass load)
    {
        var rig = new Rig();
        rig.Boot();
        rig.Sensor.Next = FakeSensor.Of(load);
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.NoLoad);
        Assert.AreEqual("noLoad", rig.Controller.StateName);
        int starts = rig.Sensor.Starts;
        for (int i = 0; i < 45; i++) { rig.Tick(); Assert.IsFalse(rig.Relay.Closed); Assert.IsTrue(rig.Volume.Muted); }
        Assert.AreEqual(starts, rig.Sensor.Starts, "not before 500 ms");
        rig.Sensor.Next = FakeSensor.Headphone(300);
        long ms = rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 1000);
        Assert.IsTrue(ms >= 0, "a completed plug is found by the next measurement");
        Assert.AreEqual(starts + 1, rig.Sensor.Starts);
    }

    [TestMethod]
    [DataRow(LoadClass.Mono)]
    [DataRow(LoadClass.Line)]
    [DataRow(LoadClass.Uncertain)]
    public void S7_uncertain_results_reach_the_policy_as_unconfirmed_and_play_no_louder(LoadClass load)
    {
        var rig = new Rig();
        rig.Boot();
        rig.Sensor.Next = FakeSensor.Of(load);
        rig.PlugAndPlay();
        Assert.AreEqual(load, rig.Policy.LastClass);
        Assert.AreEqual(-20, rig.Controller.CapDb);
        Assert.AreEqual(0, rig.Switches.GainStep);
        Assert.AreEqual(-40, rig.Volume.Level);
    }

    [TestMethod]
    public void S7_a_measurement_that_never_finishes_counts_as_uncertain()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Sensor.NeverFinishes = true;
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Measuring);
        long t0 = rig.Clock.NowMs;
        rig.TickUntil(() => rig.Controller.State != ControllerState.Measuring);
        Assert.IsTrue(rig.Clock.NowMs - t0 >= ControllerTiming.MeasureTimeoutMs);
        Assert.AreEqual(LoadClass.Uncertain, rig.Policy.LastClass);
        Assert.IsTrue(rig.Sensor.Stops >= 1);
    }

    [TestMethod]
    public void S7_decision_outside_the_chips_range_never_plays()
    {
        var rig = new Rig();
        rig.Policy.CapDb = -70;
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.NoLoad);
        rig.Tick(20);
        Assert.IsFalse(rig.Relay.Closed);
        Assert.IsFalse(rig.Controller.HasDecision);
    }

    [TestMethod]
    [DataRow(DeviceStatus.Mismatch)]
    [DataRow(DeviceStatus.ChipReset)]
    [DataRow(DeviceStatus.BusError)]
    public void S5_S6_verify_failure_opens_relay_within_one_supervision_period(DeviceStatus status)
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        long t0 = rig.Clock.NowMs;
        rig.Volume.VerifyResult = status;
        long ms = rig.TickUntil(() => !rig.Relay.Closed, 200);
        Assert.IsTrue(ms >= 0 && ms <= 100, $"relay opened after {ms} ms");
        Assert.AreEqual(ControllerState.Fault, rig.Controller.State);
        Assert.AreEqual(status, rig.Controller.LastFault);
        Assert.AreEqual("fault", rig.Controller.StateName);
        rig.Tick();
        Assert.AreEqual(ControllerState.Recovering, rig.Controller.State);
    }

    [TestMethod]
    public void S5_switches_readback_mismatch_also_opens_the_relay()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Switches.VerifyResult = DeviceStatus.Mismatch;
        Assert.IsTrue(rig.TickUntil(() => !rig.Relay.Closed, 200) is >= 0 and <= 100);
    }

    [TestMethod]
    public void S5_write_failure_while_turning_opens_the_relay_in_the_same_tick()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Volume.FailNext = 1;
        rig.Detent(+1);
        rig.Tick();
        Assert.IsFalse(rig.Relay.Closed);
        Assert.AreEqual(DeviceStatus.BusError, rig.Controller.LastFault);
    }

    [TestMethod]
    public void S5_recovery_returns_at_the_safe_level_not_the_louder_one_before()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        for (int i = 0; i < 20; i++) rig.Detent(+1);
        rig.Tick();
        Assert.AreEqual(-10, rig.Volume.Level);
        rig.Volume.VerifyResult = DeviceStatus.ChipReset;
        rig.TickUntil(() => !rig.Relay.Closed);
        long ms = rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 2000);
        Assert.IsTrue(ms >= 0 && ms <= 1000, $"music back after {ms} ms");
        Assert.AreEqual(-30, rig.Volume.Level);
        Assert.AreEqual(1, rig.Controller.RecoveryCount);
        Assert.AreEqual(1, rig.Sensor.Starts, "the plug did not change: no new measurement");
    }

    [TestMethod]
    public void S5_recovery_never_returns_higher_than_before()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        for (int i = 0; i < 12; i++) rig.Detent(-1);
        rig.Tick();
        rig.Volume.VerifyResult = DeviceStatus.Mismatch;
        rig.TickUntil(() => !rig.Relay.Closed);
        rig.TickUntil(() => rig.Controller.State == ControllerState.Playing);
        Assert.AreEqual(-42, rig.Volume.Level);
    }

    [TestMethod]
    public void S5_user_mute_survives_a_recovery()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        ControllerTests.Press(rig);
        rig.Volume.VerifyResult = DeviceStatus.Mismatch;
        rig.TickUntil(() => !rig.Relay.Closed);
        rig.TickUntil(() => rig.Controller.State == ControllerState.Playing);
        rig.Tick(5);
        Assert.IsTrue(rig.Relay.Closed);
        Assert.IsTrue(rig.Volume.Muted);
    }

    [TestMethod]
    public void S5_retries_back_off_doubling_up_to_the_maximum_and_recover_a_stuck_bus()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Volume.FailNext = 1000;
        rig.TickUntil(() => !rig.Relay.Closed, 100);
        var attempts = new List<long>();
        int inits = rig.Volume.Inits;
        for (int i = 0; i < 150; i++)
        {
            rig.Tick();
            if (rig.Volume.Inits != inits) { attempts.Add(rig.Clock.NowMs); inits = rig.Volume.Inits; }
            Assert.IsFalse(rig.Relay.Closed);
        }
        var gaps = new List<long>();
        for (int i = 1; i < attempts.Count; i++) gaps.Add(attempts[i] - attempts[i - 1]);
        CollectionAssert.AreEqual(new long[] { 20, 40, 40, 40, 40, 40, 40 }, gaps.GetRange(0, 7));
        Assert.IsTrue(rig.Bus.Recovers >= attempts.Count, "every retry after a bus error recovers the bus first");
        rig.Volume.FailNext = 0;
        long ms = rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 2000);
        Assert.IsTrue(ms >= 0 && ms <= 1000, $"music back {ms} ms after the fault stopped");
    }

    [TestMethod]
    public void S5_recovery_initialises_again_after_the_power_up_window_before_closing_the_relay()
    {
        var rig = new Rig();
        int inits = rig.PlayThenResetChipUntilFirstReinit();
        long first = rig.Clock.NowMs;
        rig.TickUntil(() =>
        {
            if (rig.Volume.Inits == inits + 2) return true;
            Assert.IsFalse(rig.Relay.Closed, "relay stays open in the window");
            return false;
        });
        Assert.AreEqual(ControllerTiming.PowerOnSettleMs, rig.Clock.NowMs - first);
        Assert.AreEqual(ControllerState.Configuring, rig.Controller.State);
        Assert.AreEqual(ControllerPhase.SwitchingGain, rig.Controller.Phase);
        Assert.IsFalse(rig.Relay.Closed, "S3: the gain relays switched in this tick; the output relay waits a tick for them");
        Assert.IsTrue(rig.Volume.Muted);
        rig.Tick();
        Assert.AreEqual(ControllerPhase.RelaySettling, rig.Controller.Phase);
        Assert.IsTrue(rig.Relay.Closed, "closes one tick after the confirmed second initialisation switched the gain");
        Assert.IsTrue(rig.Volume.Muted);
    }

    [TestMethod]
    public void S5_a_failure_inside_the_power_up_window_starts_the_window_again()
    {
        var rig = new Rig();
        int inits = rig.PlayThenResetChipUntilFirstReinit();
        rig.Volume.FailNext = 1;
        rig.TickUntil(() => rig.Volume.Inits == inits + 2);
        long failedAt = rig.Clock.NowMs;
        rig.TickUntil(() => rig.Volume.Inits == inits + 3);
        rig.TickUntil(() => rig.Volume.Inits == inits + 4);
        Assert.IsTrue(rig.Clock.NowMs - failedAt >= ControllerTiming.PowerOnSettleMs);
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 1000) >= 0);
    }

    [TestMethod]
    public void S5_bus_that_cannot_be_recovered_is_not_touched_further()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Bus.RecoverResult = false;
        rig.Volume.FailNext = 1;
        rig.Detent(+1);
        rig.Tick();
        int inits = rig.Volume.Inits;
        rig.Tick(50);
        Assert.AreEqual(inits, rig.Volume.Inits);
        Assert.AreEqual(ControllerState.Recovering, rig.Controller.State);
        rig.Bus.RecoverResult = true;
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 1000) >= 0);
    }

    [TestMethod]
    public void Unplug_during_recovery_then_replug_measures_again_at_the_safe_level()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        for (int i = 0; i < 10; i++) rig.Detent(+1);
        rig.Tick();
        rig.Volume.FailNext = 5;
        rig.Volume.VerifyResult = DeviceStatus.Mismatch;
        rig.TickUntil(() => !rig.Relay.Closed);
        rig.Jack.Level = false; rig.Tick(2);
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Playing);
        Assert.AreEqual(2, rig.Sensor.Starts);
        Assert.AreEqual(-30, rig.Volume.Level);
    }

    [TestMethod]
    public void Fault_while_unplugged_recovers_to_unplugged()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Volume.VerifyResult = DeviceStatus.ChipReset;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Fault, 200);
        rig.TickUntil(() => rig.Controller.State == ControllerState.Unplugged, 1000);
        Assert.AreEqual(1, rig.Controller.FaultCount);
        Assert.AreEqual(0, rig.Sensor.Starts);
    }

    [TestMethod]
    public void Fault_during_measuring_measures_again_after_recovery()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Sensor.DurationMs = 200;
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Measuring);
        rig.Switches.VerifyResult = DeviceStatus.Mismatch;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Fault);
        Assert.IsFalse(rig.Sensor.Running);
        rig.TickUntil(() => rig.Controller.State == ControllerState.Playing);
        Assert.AreEqual(2, rig.Sensor.Starts);
    }

    [TestMethod]
    public void S8_tick_checks_in_and_the_monitor_trips_when_it_stops()
    {
        var dog = new SoftwareWatchdog();
        var rig = new Rig(dog);
        rig.Tick(50);
        Assert.IsFalse(dog.Check());
        rig.Tick(1);
        Assert.IsFalse(dog.Check());
        Assert.IsTrue(dog.Check(), "no tick since the last check: stalled");
        rig.Tick(1);
        Assert.IsTrue(dog.Tripped, "latched");
    }

    [TestMethod]
    public void S8_repeated_unexpected_reboots_start_safe_mode_muted_with_relay_open()
    {
        var store = new MemoryStore();
        for (int i = 0; i < BootLoopGuard.QuickBootsForSafeMode; i++) { var g = new BootLoopGuard(store); g.Load(); g.RecordUnexpectedReboot(); }
        var guard = new BootLoopGuard(store);
        Assert.AreEqual(3, guard.Load());
        var rig = new Rig(null, guard);
        Assert.AreEqual(ControllerState.SafeMode, rig.Controller.State);
        Assert.AreEqual("safeMode", rig.Controller.StateName);
        rig.Jack.Level = true;
        rig.Tick(200);
        Assert.IsFalse(rig.Relay.Closed);
        Assert.AreEqual(0, rig.Sensor.Starts);
        rig.Controller.LeaveSafeMode();
        Assert.AreEqual(0, new BootLoopGuard(store).Load());
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 1000) >= 0);
    }

    [TestMethod]
    public void S8_fewer_reboots_boot_normally_and_a_stable_run_clears_the_count()
    {
        var store = new MemoryStore();
        var g1 = new BootLoopGuard(store); g1.Load(); g1.RecordUnexpectedReboot(); g1.RecordUnexpectedReboot();
        var guard = new BootLoopGuard(store);
        Assert.AreEqual(2, guard.Load());
        Assert.IsFalse(guard.SafeModeRequired);
        var rig = new Rig(null, guard);
        rig.Tick(BootLoopGuard.StableAfterMs / 10 - 2);
        Assert.AreEqual(2, new BootLoopGuard(store).Load());
        rig.Tick(3);
        Assert.AreEqual(0, new BootLoopGuard(store).Load());
    }

    [TestMethod]
    [DataRow(new byte[] { })]
    [DataRow(new byte[] { 5, 0xFA, 0xB0, 0x07 })] // the old single-copy format (bootloop.bin v1) is not read
    [DataRow(new byte[] { 0xB0, 0x07, 2, 1, 1, 0, 0, 0, 5, 0, 0, 0, 0 })] // right framing, wrong CRC
    [DataRow(new byte[] { 0xB0, 0x07, 2, 1, 1, 0, 0, 0, 5 })] // torn before the CRC
    public void S8_corrupt_boot_counter_reads_as_zero(byte[] data)
    {
        var store = new MemoryStore();
        store.Files[BootLoopGuard.NameA] = data;
        store.Files[BootLoopGuard.NameB] = data;
        Assert.AreEqual(0, new BootLoopGuard(store).Load());
    }

    [TestMethod]
    public void S8_S9_boot_counter_round_trips_and_a_corrupt_copy_falls_back_to_the_other()
    {
        var store = new MemoryStore();
        var writer = new BootLoopGuard(store);
        writer.Load();
        for (int i = 0; i < 5; i++) writer.RecordUnexpectedReboot();
        var g = new BootLoopGuard(store);
        Assert.AreEqual(5, g.Load());
        Assert.IsTrue(g.SafeModeRequired);
        // The newest copy (count 5) was written last; spoiling it leaves the previous count, never zero.
        string newest = store.Files[BootLoopGuard.NameA].Length > 0 && new BootLoopGuard(new OnlyFile(store, BootLoopGuard.NameA)).Load() == 5
            ? BootLoopGuard.NameA : BootLoopGuard.NameB;
        store.Files[newest][8] ^= 0x01;
        Assert.AreEqual(4, new BootLoopGuard(store).Load());
    }

    private sealed class OnlyFile(MemoryStore inner, string name) : IFileStore
    {
        public byte[]? ReadAll(string n) => n == name ? inner.ReadAll(n) : null;
        public bool WriteAll(string n, byte[] data) => false;
    }

    [TestMethod]
    public void State_names_are_stable_for_the_trace()
    {
        var expected = new[] { "safeStart", "unplugged", "debounce", "measuring", "noLoad", "configuring", "rampUp",
            "playing", "fault", "recovering", "safeMode" };
        for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], ControllerStates.Name((ControllerState)i));
        Assert.AreEqual("unknown", ControllerStates.Name((ControllerState)99));
        Assert.AreEqual("unknown", ControllerStates.Name((ControllerState)(-1)));
    }
}
