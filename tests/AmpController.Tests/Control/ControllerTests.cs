using System.Linq;
using AmpController.Core.Control;
using AmpController.Core.Devices;
using AmpController.Core.Sensing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>State-machine unit tests on doubles (fast; also what Stryker mutates against).</summary>
[TestClass]
public class ControllerTests
{
    [TestMethod]
    public void S1_relay_open_and_chip_muted_until_readback_confirms_configuration()
    {
        var rig = new Rig();
        Assert.IsFalse(rig.Relay.Closed);
        Assert.IsTrue(rig.Relay.Writes >= 1, "the constructor drives the relay open explicitly");
        rig.Tick(19);
        Assert.AreEqual(ControllerState.SafeStart, rig.Controller.State, "waits 200 ms after power-on (PT2258, docs/design.md §6)");
        Assert.AreEqual(0, rig.Volume.Inits);
        rig.Tick(1);
        Assert.AreEqual(ControllerState.Unplugged, rig.Controller.State);
        Assert.AreEqual(1, rig.Volume.Inits);
        Assert.IsTrue(rig.Volume.Verifies >= 1, "readback before anything else");
        Assert.IsTrue(rig.Volume.Muted);
        Assert.IsFalse(rig.Relay.Closed);
    }

    [TestMethod]
    public void S1_failed_initialisation_keeps_relay_open_and_retries()
    {
        var rig = new Rig();
        rig.Volume.FailNext = 3;
        rig.Tick(21);
        Assert.AreNotEqual(ControllerState.Unplugged, rig.Controller.State);
        Assert.IsFalse(rig.Relay.Closed);
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Unplugged) >= 0);
        Assert.IsTrue(rig.Volume.Inits >= 2);
    }

    [TestMethod]
    public void Insertion_to_music_at_min_of_safe_start_and_cap_within_300ms()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        long ms = rig.TickUntil(() => rig.Controller.State == ControllerState.Playing);
        Assert.IsTrue(ms >= 0 && ms <= 300, $"insertion to playing took {ms} ms");
        Assert.IsTrue(rig.Relay.Closed);
        Assert.IsFalse(rig.Volume.Muted);
        Assert.AreEqual(-30, rig.Volume.Level);
        Assert.AreEqual(-30, rig.Controller.TargetDb);
        Assert.AreEqual(-10, rig.Controller.CapDb);
        Assert.AreEqual(1, rig.Switches.GainStep);
        Assert.AreEqual("playing", rig.Controller.StateName);
    }

    [TestMethod]
    public void Cap_below_safe_start_brings_music_up_at_the_cap()
    {
        var rig = new Rig();
        rig.Policy.CapDb = -40;
        rig.Boot();
        rig.PlugAndPlay();
        Assert.AreEqual(-40, rig.Volume.Level);
    }

    [TestMethod]
    public void S2_ramp_rises_in_bounded_steps_from_well_below_the_target()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        var w = rig.Volume.Written;
        Assert.AreEqual(-30 - ControllerTiming.RampSpanDb, w[0]);
        for (int i = 1; i < w.Count; i++)
        {
            Assert.IsTrue(w[i] - w[i - 1] <= ControllerTiming.RampStepDb, $"step {w[i - 1]} -> {w[i]}");
            Assert.IsTrue(w[i] >= w[i - 1]);
        }
        Assert.AreEqual(-30, w[^1]);
    }

    [TestMethod]
    public void S2_ramp_start_is_clamped_to_the_chips_deepest_step()
    {
        var rig = new Rig();
        rig.Policy.SafeStartDb = -55;
        rig.Boot();
        rig.PlugAndPlay();
        Assert.AreEqual(-62, rig.Volume.Written[0]);
        Assert.AreEqual(-55, rig.Volume.Level);
    }

    [TestMethod]
    public void S2_relay_closes_only_after_configuration_and_unmutes_only_after_relay_settle()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Relay.Closed);
        Assert.IsTrue(rig.Volume.Muted, "relay closes onto a muted attenuator");
        Assert.AreEqual(ControllerState.Configuring, rig.Controller.State);
        long closedAt = rig.Clock.NowMs;
        rig.TickUntil(() => !rig.Volume.Muted);
        Assert.IsTrue(rig.Clock.NowMs - closedAt >= ControllerTiming.RelaySettleMs);
    }

    [TestMethod]
    public void S2_every_insertion_starts_at_the_safe_level_not_the_previous_one()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        for (int i = 0; i < 15; i++) rig.Detent(+1);
        rig.Tick();
        Assert.AreEqual(-15, rig.Volume.Level);
        rig.Jack.Level = false;
        rig.Tick();
        rig.PlugAndPlay();
        Assert.AreEqual(-30, rig.Volume.Level);
        Assert.AreEqual(2, rig.Controller.InsertionCount);
    }

    [TestMethod]
    public void S2_removal_opens_relay_and_mutes_within_one_tick()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Jack.Level = false;
        rig.Tick();
        Assert.IsFalse(rig.Relay.Closed);
        Assert.IsTrue(rig.Volume.Muted);
        Assert.AreEqual(ControllerState.Unplugged, rig.Controller.State);
        Assert.IsFalse(rig.Controller.HasDecision);
    }

    [TestMethod]
    public void S2_S8_the_fast_sampler_opens_the_relay_on_removal_even_when_the_tick_hangs()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Controller.SampleInputs();
        Assert.IsTrue(rig.Relay.Closed, "jack still in: nothing happens");
        rig.Jack.Level = false;
        rig.Controller.SampleInputs(); // no Tick: the control loop is stuck
        Assert.IsFalse(rig.Relay.Closed);
        rig.Jack.Level = true; // chatter back in before the tick runs: the latch still reports the removal
        rig.Tick();
        Assert.AreEqual(ControllerState.Debounce, rig.Controller.State);
        Assert.IsTrue(rig.Volume.Muted);
        Assert.IsFalse(rig.Relay.Closed);
    }

    [TestMethod]
    public void S2_removal_during_ramp_opens_relay_in_the_same_tick()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.RampUp);
        rig.Jack.Level = false;
        rig.Tick();
        Assert.IsFalse(rig.Relay.Closed);
        Assert.IsTrue(rig.Volume.Muted);
    }

    [TestMethod]
    public void Removal_while_measuring_stops_the_sensor_and_opens_the_sense_relay()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Measuring);
        Assert.IsTrue(rig.Switches.SenseRelay);
        rig.Jack.Level = false;
        rig.Tick();
        Assert.IsFalse(rig.Sensor.Running);
        Assert.IsFalse(rig.Switches.SenseRelay);
        Assert.AreEqual(ControllerState.Unplugged, rig.Controller.State);
    }

    [TestMethod]
    public void Jack_chatter_during_insertion_restarts_the_debounce()
    {
        var rig = new Rig();
        rig.Boot();
        for (int i = 0; i < 30; i++)
        {
            rig.Jack.Level = i % 4 != 3; // 30 ms in, 10 ms out: never 40 ms stable
            rig.Tick();
            Assert.IsTrue(rig.Controller.State is ControllerState.Unplugged or ControllerState.Debounce);
        }
        Assert.AreEqual(0, rig.Sensor.Starts);
        rig.Jack.Level = true;
        rig.Tick(4);
        Assert.AreEqual(ControllerState.Measuring, rig.Controller.State);
    }

    [TestMethod]
    public void Sensor_starts_only_with_the_output_relay_open()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Volume.VerifyResult = DeviceStatus.Mismatch;
        rig.Tick(10);
        rig.Jack.Level = false; rig.Tick(); rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Playing);
        Assert.IsTrue(rig.Sensor.Starts >= 2);
        Assert.IsFalse(rig.Sensor.StartedWithRelayClosed);
    }

    [TestMethod]
    public void S3_gain_changes_only_with_relay_open_and_attenuator_muted()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        Assert.AreEqual(1, rig.Switches.GainStep);
        rig.Jack.Level = false; rig.Tick();
        rig.Sensor.Next = FakeSensor.Of(LoadClass.Mono);
        rig.PlugAndPlay();
        Assert.AreEqual(0, rig.Switches.GainStep);
        Assert.AreEqual(2, rig.Switches.GainChanges);
        Assert.AreEqual(0, rig.Switches.S3Violations);
    }

    [TestMethod]
    public void S4_S11_encoder_never_goes_past_the_cap_nor_below_the_deepest_step()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        for (int i = 0; i < 50; i++) { rig.Detent(+1); rig.Tick(); Assert.IsTrue(rig.Volume.Level <= -10); }
        Assert.AreEqual(-10, rig.Volume.Level);
        for (int i = 0; i < 80; i++) rig.Detent(-1);
        rig.Tick();
        Assert.AreEqual(-62, rig.Volume.Level);
        Assert.IsFalse(rig.Volume.Muted);
    }

    [TestMethod]
    public void S11_one_dB_per_detent_while_playing()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Detent(+1); rig.Detent(+1); rig.Detent(+1); rig.Tick();
        Assert.AreEqual(-27, rig.Volume.Level);
        rig.Detent(-1); rig.Tick();
        Assert.AreEqual(-28, rig.Volume.Level);
    }

    [TestMethod]
    public void S11_encoder_during_ramp_moves_the_target_within_the_cap()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.RampUp);
        for (int i = 0; i < 40; i++) rig.Detent(+1);
        rig.TickUntil(() => rig.Controller.State == ControllerState.Playing);
        Assert.AreEqual(-10, rig.Volume.Level);
        Assert.IsTrue(rig.Volume.Written.Zip(rig.Volume.Written.Skip(1)).All(p => p.Second - p.First <= ControllerTiming.RampStepDb));
    }

    [TestMethod]
    public void Encoder_while_not_playing_is_ignored()
    {
        var rig = new Rig();
        rig.Boot();
        for (int i = 0; i < 10; i++) rig.Detent(+1);
        rig.Tick();
        rig.PlugAndPlay();
        Assert.AreEqual(-30, rig.Volume.Level);
    }

    [TestMethod]
    public void Push_mutes_and_a_second_push_ramps_back_to_the_users_level()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Detent(+1); rig.Tick();
        Press(rig);
        Assert.IsTrue(rig.Volume.Muted);
        Assert.IsTrue(rig.Controller.UserMuted);
        Assert.IsTrue(rig.Relay.Closed);
        rig.Detent(-1); rig.Detent(-1); rig.Tick();
        Assert.IsTrue(rig.Volume.Muted, "turning while muted does not un-mute");
        int writes = rig.Volume.Written.Count;
        Press(rig);
        rig.TickUntil(() => rig.Controller.State == ControllerState.Playing && !rig.Volume.Muted);
        Assert.AreEqual(-31, rig.Volume.Level);
        Assert.AreEqual(-31 - ControllerTiming.RampSpanDb, rig.Volume.Written[writes]);
        Assert.IsFalse(rig.Controller.UserMuted);
    }

    [TestMethod]
    public void Push_during_ramp_mutes()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.RampUp);
        Press(rig);
        Assert.IsTrue(rig.Volume.Muted);
        Assert.AreEqual(ControllerState.Playing, rig.Controller.State);
        rig.Tick(10);
        Assert.IsTrue(rig.Volume.Muted);
    }

    [TestMethod]
    public void Button_bounce_shorter_than_debounce_does_nothing()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        for (int i = 0; i < 10; i++) { rig.Button.Level = i % 2 == 0; rig.Tick(); }
        rig.Button.Level = false; rig.Tick(3);
        Assert.IsFalse(rig.Volume.Muted);
        Assert.IsFalse(rig.Controller.UserMuted);
    }

    internal static void Press(Rig rig)
    {
        rig.Button.Level = true;
        rig.Tick(3);
        rig.Button.Level = false;
        rig.Tick(3);
    }
}
