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

/// <summary>S5, S6: the chips read back (or refreshed) once per supervision period; a disagreement opens the relay.</summary>
[TestClass]
public class ChipSupervisionTests
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
}
