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

/// <summary>S1: power-up with the relay open; the chips initialised and read back before anything else (Rig doubles).</summary>
[TestClass]
public class StartUpTests
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
}
