using AmpController.Core.Devices;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Devices;

/// <summary>TCA9534 driver against the simulated expander and board (Devices/Tca9534/README.md bit map).</summary>
[TestClass]
public sealed class Tca9534Tests
{
    private const int Address = SimTca9534.DefaultAddress;

    [TestMethod]
    public void Initialize_makes_every_pin_an_output_with_every_relay_off()
    {
        var rig = new Rig();

        Assert.AreEqual(DeviceStatus.Ok, rig.Expander.Initialize());

        Assert.AreEqual(0x00, rig.ExpanderChip.Configuration);
        Assert.AreEqual(0x00, rig.ExpanderChip.Output);
        Assert.AreEqual(-20, rig.ExpanderChip.GainDb);
        Assert.IsFalse(rig.ExpanderChip.SenseRelayClosed);
    }

    [TestMethod]
    public void S1_initialize_never_energises_a_relay_on_the_way()
    {
        var rig = new Rig();
        rig.ExpanderChip.ResetWatermarks();

        rig.Expander.Initialize();

        Assert.AreEqual(-20, rig.ExpanderChip.HighestGainDbSeen, "output register is cleared before pins become outputs");
        Assert.IsFalse(rig.ExpanderChip.SenseRelayEverClosed);
    }

    [TestMethod]
    [DataRow(0, 0x00, -20)]
    [DataRow(1, 0x01, 0)]
    [DataRow(2, 0x03, 12)]
    public void Gain_step_sets_the_relay_bits_and_the_board_gets_that_gain(int step, int bits, int gainDb)
    {
        var rig = Rig.Initialized();

        Assert.AreEqual(DeviceStatus.Ok, rig.Expander.SetGainStep(step));

        Assert.AreEqual(bits, rig.ExpanderChip.Output & 0x03);
        Assert.AreEqual(gainDb, rig.ExpanderChip.GainDb);
    }

    [TestMethod]
    public void K2_without_K1_gives_the_lowest_gain()
    {
        var rig = Rig.Initialized();
        rig.ExpanderChip.Receive([1, 0x02], 2);
        Assert.AreEqual(-20, rig.ExpanderChip.GainDb);
    }

    [TestMethod]
    public void Each_setter_is_one_register_write_of_two_bytes()
    {
        var rig = Rig.Initialized();
        Assert.AreEqual(2, rig.BytesWrittenBy(Address, () => rig.Expander.SetGainStep(2)));
        Assert.AreEqual(2, rig.BytesWrittenBy(Address, () => rig.Expander.SetSenseRelay(true)));
        Assert.AreEqual(2, rig.BytesWrittenBy(Address, () => rig.Expander.SetLeds(0x05)));
    }

    [TestMethod]
    public void Sense_relay_leds_and_gain_do_not_disturb_each_other()
    {
        var rig = Rig.Initialized();
        rig.Expander.SetGainStep(2);
        rig.Expander.SetSenseRelay(true);
        rig.Expander.SetLeds(0x0A);
        rig.Expander.SetSeriesResistor(true);

        Assert.AreEqual(12, rig.ExpanderChip.GainDb);
        Assert.IsTrue(rig.ExpanderChip.SenseRelayClosed);
        Assert.IsTrue(rig.ExpanderChip.SeriesResistorInserted);
        Assert.AreEqual(0x0A, rig.ExpanderChip.LedMask);

        rig.Expander.SetSenseRelay(false);
        rig.Expander.SetGainStep(0);
        Assert.IsFalse(rig.ExpanderChip.SenseRelayClosed);
        Assert.AreEqual(-20, rig.ExpanderChip.GainDb);
        Assert.AreEqual(0x0A, rig.ExpanderChip.LedMask);
        Assert.AreEqual(DeviceStatus.Ok, rig.Expander.Verify());
    }

    [TestMethod]
    [DataRow(-1)]
    [DataRow(3)]
    [DataRow(int.MaxValue)]
    public void Gain_step_out_of_range_is_rejected_and_nothing_is_written(int step)
    {
        var rig = Rig.Initialized();
        rig.Expander.SetGainStep(1);
        int bytes = rig.BytesWrittenBy(Address, () => Assert.AreEqual(DeviceStatus.Rejected, rig.Expander.SetGainStep(step)));
        Assert.AreEqual(0, bytes);
        Assert.AreEqual(0, rig.ExpanderChip.GainDb);
    }

    [TestMethod]
    [DataRow(-1)]
    [DataRow(16)]
    public void Led_mask_out_of_range_is_rejected(int mask)
    {
        var rig = Rig.Initialized();
        int bytes = rig.BytesWrittenBy(Address, () => Assert.AreEqual(DeviceStatus.Rejected, rig.Expander.SetLeds(mask)));
        Assert.AreEqual(0, bytes);
    }

    [TestMethod]
    public void Setters_before_initialize_are_rejected_so_pins_stay_inputs()
    {
        var rig = new Rig();
        Assert.AreEqual(DeviceStatus.Rejected, rig.Expander.SetGainStep(2));
        Assert.AreEqual(0, rig.Bus.TransferCount(Address));
    }

    [TestMethod]
    public void S5_expander_reset_is_reported_as_chip_reset_and_the_board_falls_to_lowest_gain()
    {
        var rig = Rig.Initialized();
        rig.Expander.SetGainStep(2);

        rig.Bus.Inject(Address, FaultKind.ChipReset);

        Assert.AreEqual(-20, rig.ExpanderChip.GainDb);
        Assert.AreEqual(DeviceStatus.ChipReset, rig.Expander.Verify());
        Assert.AreEqual(DeviceStatus.Ok, rig.Expander.Initialize());
        Assert.AreEqual(DeviceStatus.Ok, rig.Expander.Verify());
    }

    [TestMethod]
    public void S5_an_output_register_that_differs_is_a_mismatch()
    {
        var rig = Rig.Initialized();
        rig.ExpanderChip.Receive([1, 0x04], 2);
        Assert.AreEqual(DeviceStatus.Mismatch, rig.Expander.Verify());
    }

    [TestMethod]
    public void Input_register_reads_the_pins_including_pulled_down_inputs()
    {
        var rig = new Rig();
        byte[] rx = new byte[1];
        Assert.IsTrue(rig.Bus.WriteRead(Address, [0], 1, rx, 1).Ok);
        Assert.AreEqual(0x00, rx[0], "all inputs, all held low by the board's pull-downs");
    }
}
