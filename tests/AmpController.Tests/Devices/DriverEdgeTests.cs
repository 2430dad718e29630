using System;
using AmpController.Core.Devices;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Devices;

/// <summary>Boundaries and state bookkeeping of the drivers (addresses, caches after failures, bit masks).</summary>
[TestClass]
public sealed class DriverEdgeTests
{
    [TestMethod]
    [DataRow(0x27, false)]
    [DataRow(0x28, true)]
    [DataRow(0x2F, true)]
    [DataRow(0x30, false)]
    public void Ds1882_address_must_be_0x28_to_0x2F(int address, bool valid)
    {
        var rig = new Rig();
        AssertConstructs(() => new Ds1882(rig.Bus, address), valid);
    }

    [TestMethod]
    [DataRow(0x1F, false)]
    [DataRow(0x20, true)]
    [DataRow(0x27, true)]
    [DataRow(0x28, false)]
    public void Tca9534_address_must_be_0x20_to_0x27(int address, bool valid)
    {
        var rig = new Rig();
        AssertConstructs(() => new Tca9534(rig.Bus, address), valid);
    }

    [TestMethod]
    [DataRow(0x40, true)]
    [DataRow(0x41, false)]
    [DataRow(0x46, true)]
    [DataRow(0x48, false)]
    [DataRow(0xC0, false)]
    public void Pt2258_address_must_be_one_of_the_four_pin_codes(int address, bool valid)
    {
        var rig = new Rig();
        AssertConstructs(() => new Pt2258(rig.Bus, address, rig.Clock, 0), valid);
    }

    [TestMethod]
    public void Null_bus_or_clock_is_refused()
    {
        var clock = new SimClock();
        Assert.ThrowsExactly<ArgumentNullException>(() => new Ds1882(null!, 0x28));
        Assert.ThrowsExactly<ArgumentNullException>(() => new Tca9534(null!, 0x20));
        Assert.ThrowsExactly<ArgumentNullException>(() => new Pt2258(null!, 0x40, clock, 0));
        Assert.ThrowsExactly<ArgumentNullException>(() => new Pt2258(new SimI2cBus(clock), 0x40, null!, 0));
    }

    private static void AssertConstructs(Func<object> create, bool valid)
    {
        if (valid) Assert.IsNotNull(create());
        else Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => create());
    }

    [TestMethod]
    public void Chip_names_and_ranges_match_the_datasheets()
    {
        var rig = new Rig();
        Assert.AreEqual("DS1882", rig.Ds1882.Name);
        Assert.AreEqual(-62, rig.Ds1882.MinDb);
        Assert.AreEqual("PT2258", rig.Pt2258.Name);
        Assert.AreEqual(-79, rig.Pt2258.MinDb);
    }

    [TestMethod]
    public void Ds1882_one_wiper_at_mute_while_playing_is_a_mismatch_not_a_reset()
    {
        var rig = Rig.Initialized();
        rig.Ds1882.SetLevels(-10, -10);
        rig.Ds1882Chip.Receive([0x40 | 63], 1);
        Assert.AreEqual(DeviceStatus.Mismatch, rig.Ds1882.Verify());
    }

    [TestMethod]
    public void Ds1882_a_good_readback_after_a_bad_one_restores_one_byte_updates()
    {
        var rig = Rig.Initialized();
        rig.Ds1882.SetLevels(-10, -10);
        rig.Bus.Inject(SimDs1882.DefaultAddress, FaultKind.BitFlip);
        Assert.AreEqual(DeviceStatus.Mismatch, rig.Ds1882.Verify());
        Assert.AreEqual(DeviceStatus.Ok, rig.Ds1882.Verify());

        Assert.AreEqual(1, rig.BytesWrittenBy(SimDs1882.DefaultAddress, () => rig.Ds1882.SetLevels(-10, -11)));
    }

    [TestMethod]
    public void Pt2258_waits_200_ms_from_its_own_power_on_time()
    {
        var rig = new Rig();
        var driver = new Pt2258(rig.Bus, SimPt2258.DefaultAddress, rig.Clock, powerOnAtMs: 1000);
        rig.Clock.NowMs = 1199;
        Assert.AreEqual(DeviceStatus.NotReady, driver.Initialize());
        rig.Clock.NowMs = 1200;
        Assert.AreEqual(DeviceStatus.Ok, driver.Initialize());
    }

    [TestMethod]
    public void Pt2258_a_failed_reinitialize_is_retried_by_verify()
    {
        var rig = Rig.Initialized();
        rig.Bus.Inject(SimPt2258.DefaultAddress, FaultKind.Nack);
        Assert.AreEqual(DeviceStatus.BusError, rig.Pt2258.Initialize());
        rig.Bus.RecordTransfers = true;

        Assert.AreEqual(DeviceStatus.Ok, rig.Pt2258.Verify());

        CollectionAssert.AreEqual(new byte[] { 0xC0 }, rig.Bus.Log[0].Written, "verify re-ran the clear sequence");
    }

    [TestMethod]
    public void Pt2258_a_full_initialize_or_refresh_after_a_failure_restores_minimal_updates()
    {
        var rig = Rig.Initialized();
        const int address = SimPt2258.DefaultAddress;
        rig.Bus.Inject(address, FaultKind.Nack);
        rig.Pt2258.Mute();
        Assert.AreEqual(DeviceStatus.Ok, rig.Pt2258.Initialize());
        Assert.AreEqual(3, rig.BytesWrittenBy(address, () => rig.Pt2258.SetLevels(-79, -78)), "pair + mute off");
        Assert.AreEqual(2, rig.BytesWrittenBy(address, () => rig.Pt2258.SetLevels(-79, -77)));

        rig.Bus.Inject(address, FaultKind.Nack);
        rig.Pt2258.Mute();
        Assert.AreEqual(DeviceStatus.Ok, rig.Pt2258.Verify());
        Assert.AreEqual(3, rig.BytesWrittenBy(address, () => rig.Pt2258.SetLevels(-79, -76)), "pair + mute off");
    }

    [TestMethod]
    public void Tca9534_series_resistor_relay_switches_alone()
    {
        var rig = Rig.Initialized();
        rig.Expander.SetGainStep(1);
        Assert.AreEqual(DeviceStatus.Ok, rig.Expander.SetSeriesResistor(true));
        Assert.IsTrue(rig.ExpanderChip.SeriesResistorInserted);
        Assert.AreEqual(DeviceStatus.Ok, rig.Expander.SetSeriesResistor(false));
        Assert.IsFalse(rig.ExpanderChip.SeriesResistorInserted);
        Assert.AreEqual(0, rig.ExpanderChip.GainDb);
    }

    [TestMethod]
    public void Tca9534_led_masks_0_and_15_are_valid_and_replace_the_previous_mask()
    {
        var rig = Rig.Initialized();
        Assert.AreEqual(DeviceStatus.Ok, rig.Expander.SetLeds(15));
        Assert.AreEqual(15, rig.ExpanderChip.LedMask);
        Assert.AreEqual(DeviceStatus.Ok, rig.Expander.SetLeds(1));
        Assert.AreEqual(1, rig.ExpanderChip.LedMask);
        Assert.AreEqual(DeviceStatus.Ok, rig.Expander.SetLeds(0));
        Assert.AreEqual(0, rig.ExpanderChip.LedMask);
    }

    [TestMethod]
    public void Tca9534_output_at_FFh_with_pins_still_outputs_is_a_mismatch()
    {
        var rig = Rig.Initialized();
        rig.ExpanderChip.Receive([1, 0xFF], 2);
        Assert.AreEqual(DeviceStatus.Mismatch, rig.Expander.Verify());
    }
}
