using AmpController.Core.Control;
using AmpController.Core.Devices;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>
/// Issue 19: four deliberate bugs the suite let through (removing the cap clamp in WriteLevel, now OutputPath.SetLevel, skipping the readback
/// before the relay closes, a 20 dB ramp step, removing the S3 guard). Each test below fails with that bug; each
/// asserts against the rule's own figure (the policy's cap, docs/safety.md's ramp), never the controller's constant.
/// </summary>
[TestClass]
public class SafetyGuardTests
{
    [TestMethod]
    public void S4_the_attenuator_never_gets_a_level_above_the_policys_cap_whatever_it_is_asked()
    {
        var rig = new Rig();
        rig.Policy.CapDb = -17;
        rig.Boot();
        rig.PlugAndPlay();
        Assert.AreEqual(DeviceStatus.Ok, rig.Controller.Output.SetLevel(0));
        Assert.AreEqual(-17, rig.Volume.Level, "asked for 0 dB, written at the policy's cap");
        Assert.AreEqual(DeviceStatus.Ok, rig.Controller.Output.SetLevel(-5));
        Assert.AreEqual(-17, rig.Volume.Level);
        Assert.AreEqual(DeviceStatus.Ok, rig.Controller.Output.SetLevel(-40));
        Assert.AreEqual(-40, rig.Volume.Level, "below the cap: as asked");
    }

    [TestMethod]
    public void S3_a_gain_change_is_refused_while_the_relay_is_closed_or_the_attenuator_plays()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        Assert.IsTrue(rig.Relay.Closed);
        int changes = rig.Switches.GainChanges;
        Assert.AreEqual(DeviceStatus.Rejected, rig.Controller.Output.SetGainStep(2, rig.Clock.NowMs + ControllerTiming.TickMs), "relay closed, attenuator playing");
        rig.Controller.RequestMute(true);
        rig.Tick();
        Assert.IsTrue(rig.Volume.Muted);
        Assert.AreEqual(DeviceStatus.Rejected, rig.Controller.Output.SetGainStep(2, rig.Clock.NowMs + ControllerTiming.TickMs), "muted, but the relay is closed");
        Assert.AreEqual(changes, rig.Switches.GainChanges, "no gain relay moved");
        Assert.AreEqual(0, rig.Switches.S3Violations);
    }

    [TestMethod]
    public void S1_the_relay_never_closes_when_the_readback_before_it_disagrees()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Measuring);
        // The tick that finishes the measurement configures and would close the relay: the chip reads back wrong there.
        rig.TickUntil(() => rig.Clock.NowMs + ControllerTiming.TickMs - rig.Sensor.StartedAt >= rig.Sensor.DurationMs);
        rig.Volume.VerifyResult = DeviceStatus.Mismatch;
        rig.Tick();
        Assert.AreEqual(0, rig.Relay.Closings, "S1: not even for an instant");
        Assert.AreEqual(DeviceStatus.Mismatch, rig.Controller.LastFault);
        Assert.IsFalse(rig.Relay.Closed);
    }

    [TestMethod]
    public void S1_the_relay_never_closes_when_the_expanders_readback_disagrees()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Measuring);
        rig.TickUntil(() => rig.Clock.NowMs + ControllerTiming.TickMs - rig.Sensor.StartedAt >= rig.Sensor.DurationMs);
        rig.Switches.VerifyResult = DeviceStatus.ChipReset;
        rig.Tick();
        Assert.AreEqual(0, rig.Relay.Closings);
        Assert.AreEqual(DeviceStatus.ChipReset, rig.Controller.LastFault);
    }

    [TestMethod]
    public void S2_the_ramp_rises_at_most_4_dB_per_10_ms_tick_over_at_least_20_dB()
    {
        // docs/safety.md S2: "the ramp starts 20 dB below the target and rises at most 4 dB per tick (no pop)".
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        var w = rig.Volume.Written;
        Assert.AreEqual(-30, w[^1], "the policy's safe start");
        Assert.IsTrue(w[^1] - w[0] >= 20, $"the ramp starts {w[^1] - w[0]} dB below the target");
        for (int i = 1; i < w.Count; i++) Assert.IsTrue(w[i] - w[i - 1] <= 4, $"step {w[i - 1]} -> {w[i]} dB in one tick");
        Assert.IsTrue(w.Count >= 6, $"{w.Count} writes: 20 dB at 4 dB a tick takes 5 steps after the start");
    }
}
