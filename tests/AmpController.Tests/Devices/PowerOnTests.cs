using AmpController.Core.Devices;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Devices;

/// <summary>S1: the chips' own power-on states (no program running) keep the output silent and the gain lowest.</summary>
[TestClass]
public sealed class PowerOnTests
{
    [TestMethod]
    public void S1_ds1882_powers_up_muted_on_both_channels()
    {
        var chip = new SimDs1882();
        Assert.IsTrue(chip.Muted);
        Assert.IsTrue(double.IsPositiveInfinity(chip.AttenuationDb(0)));
        Assert.IsTrue(double.IsPositiveInfinity(chip.AttenuationDb(1)));
    }

    [TestMethod]
    public void S1_ds1882_in_volatile_mode_comes_back_muted_after_any_reset()
    {
        var rig = Rig.Initialized();
        rig.Ds1882.SetLevels(0, 0);

        rig.Ds1882Chip.PowerOnReset(rig.Clock.NowMs);

        Assert.IsTrue(rig.Ds1882Chip.Muted);
    }

    [TestMethod]
    public void S1_tca9534_powers_up_with_pins_as_inputs_lowest_gain_and_relays_open()
    {
        var chip = new SimTca9534();
        Assert.AreEqual(0xFF, chip.Configuration);
        Assert.AreEqual(0xFF, chip.Output, "output register is FFh but drives nothing while pins are inputs");
        Assert.AreEqual(-20, chip.GainDb);
        Assert.IsFalse(chip.SenseRelayClosed);
        Assert.IsFalse(chip.SeriesResistorInserted);
        Assert.AreEqual(0, chip.LedMask);
    }

    [TestMethod]
    public void S1_tca9534_reset_while_running_drops_to_lowest_gain_and_opens_relays()
    {
        var rig = Rig.Initialized();
        rig.Expander.SetGainStep(2);
        rig.Expander.SetSenseRelay(true);

        rig.ExpanderChip.PowerOnReset(rig.Clock.NowMs);

        Assert.AreEqual(-20, rig.ExpanderChip.GainDb);
        Assert.IsFalse(rig.ExpanderChip.SenseRelayClosed);
    }

    [TestMethod]
    public void S1_ds1882_initialize_confirms_mute_by_readback()
    {
        var rig = new Rig();
        rig.Bus.RecordTransfers = true;
        Assert.AreEqual(DeviceStatus.Ok, rig.Ds1882.Initialize());
        Assert.IsTrue(rig.Bus.Log.Exists(t => t.Address == SimDs1882.DefaultAddress && t.ReadCount == 3));
        Assert.IsTrue(rig.Ds1882Chip.Muted);
    }
}
