using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Core.Devices;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Devices;

/// <summary>The reference board's I2C side: one bus, the three simulated chips and their drivers.</summary>
internal sealed class Rig
{
    public readonly SimClock Clock = new();
    public readonly SimI2cBus Bus;
    public readonly SimDs1882 Ds1882Chip = new();
    public readonly SimTca9534 ExpanderChip = new();
    public readonly SimPt2258 Pt2258Chip;
    public readonly Ds1882 Ds1882;
    public readonly Tca9534 Expander;
    public readonly Pt2258 Pt2258;

    public Rig(int seed = 1)
    {
        Bus = new SimI2cBus(Clock);
        Pt2258Chip = new SimPt2258(Clock, SimPt2258.DefaultAddress, seed);
        Bus.Attach(Ds1882Chip);
        Bus.Attach(ExpanderChip);
        Bus.Attach(Pt2258Chip);
        Ds1882 = new Ds1882(Bus, SimDs1882.DefaultAddress);
        Expander = new Tca9534(Bus, SimTca9534.DefaultAddress);
        Pt2258 = new Pt2258(Bus, SimPt2258.DefaultAddress, Clock, 0);
    }

    /// <summary>A rig with every chip initialised (PT2258 after its 200 ms power-up delay).</summary>
    public static Rig Initialized(int seed = 1)
    {
        var rig = new Rig(seed);
        rig.Clock.Advance(Core.Devices.Pt2258.PowerUpDelayMs);
        Assert.AreEqual(DeviceStatus.Ok, rig.Ds1882.Initialize());
        Assert.AreEqual(DeviceStatus.Ok, rig.Expander.Initialize());
        Assert.AreEqual(DeviceStatus.Ok, rig.Pt2258.Initialize());
        return rig;
    }

    /// <summary>Bytes written to <paramref name="address"/> by <paramref name="action"/>.</summary>
    public int BytesWrittenBy(int address, System.Action action)
    {
        int before = Bus.BytesWritten(address);
        action();
        return Bus.BytesWritten(address) - before;
    }
}
