using System;
using AmpController.Core.Control;
using AmpController.Core.Devices;
using AmpController.Core.Sensing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>
/// Edges of the state machine found by mutation testing (issue 8): exact timing constants, range bounds of a decision,
/// which faults resume playback, and what each transition leaves behind. Uses the doubles of <see cref="Rig"/>.
/// </summary>
[TestClass]
public class ControllerEdgeTests
{
    [TestMethod]
    public void S5_S6_supervision_reads_back_exactly_once_per_period_and_not_before_start_up()
    {
        var rig = new Rig();
        rig.Tick(19);
        Assert.AreEqual(0, rig.Volume.Verifies, "no supervision while the chips settle after power-on");
        rig.Tick(1);
        Assert.AreEqual(ControllerState.Unplugged, rig.Controller.State);
        int v0 = rig.Volume.Verifies;
        int ticksPerPeriod = ControllerTiming.SupervisionPeriodMs / ControllerTiming.TickMs;
        rig.Tick(ticksPerPeriod - 1);
        Assert.AreEqual(v0, rig.Volume.Verifies, "first readback one period after start-up, not earlier");
        rig.Tick(1);
        Assert.AreEqual(v0 + 1, rig.Volume.Verifies);
        rig.Tick(ticksPerPeriod * 4);
        Assert.AreEqual(v0 + 5, rig.Volume.Verifies, "one readback per period");
    }

    [TestMethod]
    public void S5_supervision_restarts_one_period_after_a_recovery()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Volume.VerifyResult = DeviceStatus.ChipReset;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Fault);
        rig.TickUntil(() => rig.Controller.State == ControllerState.Unplugged);
        int v0 = rig.Volume.Verifies;
        rig.Tick(ControllerTiming.SupervisionPeriodMs / ControllerTiming.TickMs - 1);
        Assert.AreEqual(v0, rig.Volume.Verifies);
        rig.Tick(1);
        Assert.AreEqual(v0 + 1, rig.Volume.Verifies);
    }

    [TestMethod]
    public void S7_no_load_is_measured_again_exactly_after_the_remeasure_interval()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Sensor.Next = FakeSensor.Of(LoadClass.Open);
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.NoLoad);
        long entered = rig.Clock.NowMs;
        int starts = rig.Sensor.Starts;
        rig.TickUntil(() => rig.Sensor.Starts > starts);
        Assert.AreEqual(ControllerTiming.RemeasureNoLoadMs, rig.Clock.NowMs - entered);
    }

    [TestMethod]
    public void S7_measurement_times_out_exactly_at_the_timeout_and_the_sense_relay_opens()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Sensor.NeverFinishes = true;
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Measuring);
        Assert.IsFalse(rig.Controller.HasDecision, "a new measurement forgets the old decision");
        Assert.IsTrue(rig.Switches.SenseRelay);
        long entered = rig.Clock.NowMs;
        rig.TickUntil(() => rig.Controller.State != ControllerState.Measuring);
        Assert.AreEqual(ControllerTiming.MeasureTimeoutMs, rig.Clock.NowMs - entered);
        Assert.IsFalse(rig.Switches.SenseRelay, "the test source is disconnected before the relay may close");
    }

    [TestMethod]
    public void S2_unmutes_exactly_when_the_relay_has_settled()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Relay.Closed);
        long closedAt = rig.Clock.NowMs;
        rig.TickUntil(() => !rig.Volume.Muted);
        Assert.AreEqual(ControllerTiming.RelaySettleMs, rig.Clock.NowMs - closedAt);
    }

    [TestMethod]
    public void Safe_level_is_the_cap_when_the_cap_is_below_the_safe_start()
    {
        var rig = new Rig();
        rig.Policy.CapDb = -40;
        rig.Boot();
        rig.PlugAndPlay();
        Assert.AreEqual(-40, rig.Controller.TargetDb);
        rig.Detent(-1);
        rig.Tick();
        Assert.AreEqual(-41, rig.Volume.Level, "one detent down from the cap, not from the higher safe start");
    }

    [TestMethod]
    [DataRow(0, -30)]
    [DataRow(-10, 0)]
    [DataRow(-62, -62)]
    public void S7_decisions_at_the_chips_range_bounds_play(int cap, int safeStart)
    {
        var rig = new Rig();
        rig.Policy.CapDb = cap;
        rig.Policy.SafeStartDb = safeStart;
        rig.Boot();
        rig.PlugAndPlay();
        Assert.AreEqual(ControllerState.Playing, rig.Controller.State);
        Assert.AreEqual(Math.Min(cap, safeStart), rig.Volume.Level);
    }

    [TestMethod]
    [DataRow(1, -30)]
    [DataRow(-10, 1)]
    public void S4_a_cap_or_safe_start_above_0_dB_never_plays(int cap, int safeStart)
    {
        var rig = new Rig();
        rig.Policy.CapDb = cap;
        rig.Policy.SafeStartDb = safeStart;
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.NoLoad);
        rig.Tick(10);
        Assert.AreEqual(ControllerState.NoLoad, rig.Controller.State);
        Assert.IsFalse(rig.Relay.Closed);
        Assert.IsTrue(rig.Volume.Muted);
    }

    [TestMethod]
    public void Ramp_starting_at_its_target_is_playing_in_the_same_tick()
    {
        var rig = new Rig();
        rig.Policy.SafeStartDb = -62;
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Volume.Written.Count > 0);
        Assert.AreEqual(ControllerState.Playing, rig.Controller.State);
        Assert.AreEqual(1, rig.Volume.Written.Count);
    }

    [TestMethod]
    public void S5_fault_while_configuring_resumes_without_measuring_again()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Measuring);
        while (rig.Clock.NowMs + ControllerTiming.TickMs - rig.Sensor.StartedAt < rig.Sensor.DurationMs) rig.Tick();
        rig.Volume.FailNext = 1; // the mute before the gain change fails
        rig.Tick();
        Assert.AreEqual(ControllerState.Fault, rig.Controller.State);
        int starts = rig.Sensor.Starts;
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing) >= 0);
        Assert.AreEqual(starts, rig.Sensor.Starts, "the decision survives a fault while configuring");
        Assert.AreEqual(-30, rig.Volume.Level);
    }

    [TestMethod]
    public void S5_fault_at_the_start_of_the_ramp_resumes_without_measuring_again()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Relay.Closed);
        rig.Tick(ControllerTiming.RelaySettleMs / ControllerTiming.TickMs - 1);
        rig.Volume.FailNext = 1; // the first ramp write fails
        rig.Tick();
        Assert.AreEqual(ControllerState.Fault, rig.Controller.State);
        Assert.IsFalse(rig.Relay.Closed);
        int starts = rig.Sensor.Starts;
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing) >= 0);
        Assert.AreEqual(starts, rig.Sensor.Starts);
    }

    [TestMethod]
    public void S5_fault_mutes_the_attenuator_and_waits_for_the_first_back_off_delay()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        int inits = rig.Volume.Inits;
        rig.Volume.VerifyResult = DeviceStatus.Mismatch;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Fault);
        Assert.IsTrue(rig.Volume.Muted, "muted as well as disconnected");
        Assert.IsFalse(rig.Controller.RelayClosed);
        rig.Tick(); // Fault -> Recovering; the first delay has not passed
        Assert.AreEqual(inits, rig.Volume.Inits);
    }

    [TestMethod]
    public void S5_a_bus_that_will_not_recover_is_retried_with_growing_delays()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Bus.RecoverResult = false;
        rig.Volume.FailNext = 1000;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Fault);
        Assert.AreEqual(DeviceStatus.BusError, rig.Controller.LastFault);
        rig.Tick(20); // 200 ms: with every-tick retries this would be ~20 attempts
        Assert.IsTrue(rig.Bus.Recovers >= 2, $"retried: {rig.Bus.Recovers}");
        Assert.IsTrue(rig.Bus.Recovers <= 200 / Core.Supervision.RecoveryBackoff.MaxDelayMs + 2, $"backed off: {rig.Bus.Recovers}");
    }

    [TestMethod]
    public void Fault_while_unplugged_recovers_to_unplugged_and_a_plug_inserted_meanwhile_is_played()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Volume.VerifyResult = DeviceStatus.ChipReset;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Fault);
        rig.TickUntil(() => rig.Controller.State == ControllerState.Unplugged);
        rig.Tick(3);
        Assert.AreEqual(ControllerState.Unplugged, rig.Controller.State, "nothing inserted: stays unplugged");

        rig.Volume.VerifyResult = DeviceStatus.ChipReset;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Recovering);
        rig.Jack.Level = true; // inserted during recovery
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing) >= 0);
    }

    [TestMethod]
    public void Removal_during_debounce_returns_to_unplugged_and_removal_clears_the_relay_flag()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.Tick();
        Assert.AreEqual(ControllerState.Debounce, rig.Controller.State);
        rig.Jack.Level = false;
        rig.Tick();
        Assert.AreEqual(ControllerState.Unplugged, rig.Controller.State);

        rig.PlugAndPlay();
        Assert.IsTrue(rig.Controller.RelayClosed);
        rig.Jack.Level = false;
        rig.Tick();
        Assert.IsFalse(rig.Controller.RelayClosed);
        Assert.IsFalse(rig.Controller.HasDecision);
    }

    [TestMethod]
    public void A_short_press_toggles_mute_once_on_release_not_on_press()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Button.Level = true;
        rig.Tick(5);
        Assert.IsFalse(rig.Controller.UserMuted, "a press still held is not yet short or long");
        rig.Button.Level = false;
        rig.Tick(5);
        Assert.IsTrue(rig.Controller.UserMuted, "the release of a short press toggles");
        Assert.IsTrue(rig.Volume.Muted);
        rig.Tick(20);
        Assert.IsTrue(rig.Controller.UserMuted, "one press, one toggle");
    }

    [TestMethod]
    public void S5_write_failure_and_press_in_the_same_tick_stays_in_fault()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Volume.FailNext = 1;
        rig.Controller.RequestVolumeSteps(1);
        rig.Controller.RequestMute(true);
        rig.Tick();
        Assert.AreEqual(ControllerState.Fault, rig.Controller.State, "the failed write wins over the mute request");
        Assert.IsFalse(rig.Relay.Closed);
    }

    [TestMethod]
    public void Volume_step_and_mute_request_in_the_same_tick_both_apply()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Controller.RequestVolumeSteps(2);
        rig.Controller.RequestMute(true);
        rig.Tick();
        Assert.AreEqual(-28, rig.Controller.TargetDb);
        Assert.IsTrue(rig.Controller.UserMuted);
        Assert.IsTrue(rig.Volume.Muted);
    }

    [TestMethod]
    public void State_name_of_a_value_just_past_the_table_is_unknown()
    {
        int count = Enum.GetValues<ControllerState>().Length;
        Assert.AreEqual("unknown", ControllerStates.Name((ControllerState)count));
        Assert.AreEqual("unknown", ControllerStates.Name((ControllerState)(-1)));
    }
}
