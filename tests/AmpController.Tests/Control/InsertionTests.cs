using System.Collections.Generic;
using System.Linq;
using System;
using AmpController.Core.Control;
using AmpController.Core.Devices;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;
using AmpController.Core.Supervision;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>Insertion to music (S2, S3): debounce, measurement with the output relay open, gain while muted, relay closing a tick later, un-mute after the contacts settled, always at the safe level.</summary>
[TestClass]
public class InsertionTests
{
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
}
