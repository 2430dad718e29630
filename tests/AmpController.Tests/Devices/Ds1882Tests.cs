using AmpController.Core.Devices;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Devices;

/// <summary>DS1882 driver against its simulated chip, with the datasheet's codes (Devices/Ds1882/README.md).</summary>
[TestClass]
public sealed class Ds1882Tests
{
    private const int Address = SimDs1882.DefaultAddress;

    [TestMethod]
    public void Initialize_sets_64_position_volatile_zero_crossing_config_and_mutes()
    {
        var rig = new Rig();
        Assert.AreEqual(SimDs1882.FactoryConfig, rig.Ds1882Chip.Config, "factory default 87h");

        Assert.AreEqual(DeviceStatus.Ok, rig.Ds1882.Initialize());

        Assert.AreEqual(0x86, rig.Ds1882Chip.Config, "volatile + zero-crossing + 63 positions and mute");
        Assert.AreEqual(63, rig.Ds1882Chip.Pot0Code);
        Assert.AreEqual(63, rig.Ds1882Chip.Pot1Code);
        Assert.IsTrue(rig.Ds1882Chip.Muted);
    }

    [TestMethod]
    public void Initialize_writes_the_eeprom_config_only_when_it_differs()
    {
        var rig = new Rig();
        rig.Ds1882.Initialize();
        rig.Ds1882Chip.PowerOnReset(rig.Clock.NowMs);

        int bytes = rig.BytesWrittenBy(Address, () => Assert.AreEqual(DeviceStatus.Ok, rig.Ds1882.Initialize()));

        Assert.AreEqual(2, bytes, "two mute command bytes, no configuration write");
    }

    [TestMethod]
    public void Minus_23_dB_is_code_23_and_the_audio_gets_23_dB()
    {
        var rig = Rig.Initialized();

        Assert.AreEqual(DeviceStatus.Ok, rig.Ds1882.SetLevels(-23, -23));

        Assert.AreEqual(23, rig.Ds1882Chip.Pot0Code);
        Assert.AreEqual(23, rig.Ds1882Chip.Pot1Code);
        Assert.AreEqual(23.0, rig.Ds1882Chip.AttenuationDb(0));
        Assert.AreEqual(23.0, rig.Ds1882Chip.AttenuationDb(1));
        Assert.IsFalse(rig.Ds1882Chip.Muted);
    }

    [TestMethod]
    [DataRow(0, 0)]
    [DataRow(-1, 1)]
    [DataRow(-62, 62)]
    public void Every_level_maps_to_its_code(int db, int code)
    {
        var rig = Rig.Initialized();
        Assert.AreEqual(DeviceStatus.Ok, rig.Ds1882.SetLevels(db, db));
        Assert.AreEqual(code, rig.Ds1882Chip.Pot0Code);
        Assert.AreEqual((double)code, rig.Ds1882Chip.AttenuationDb(1));
    }

    [TestMethod]
    public void Left_is_pot_0_and_right_is_pot_1()
    {
        var rig = Rig.Initialized();
        rig.Ds1882.SetLevels(-10, -30);
        Assert.AreEqual(10.0, rig.Ds1882Chip.AttenuationDb(0));
        Assert.AreEqual(30.0, rig.Ds1882Chip.AttenuationDb(1));
    }

    [TestMethod]
    public void Mute_writes_code_63_to_both_pots()
    {
        var rig = Rig.Initialized();
        rig.Ds1882.SetLevels(-20, -20);
        rig.Bus.RecordTransfers = true;

        Assert.AreEqual(DeviceStatus.Ok, rig.Ds1882.Mute());

        CollectionAssert.AreEqual(new byte[] { 0x3F, 0x7F }, rig.Bus.Log[^1].Written);
        Assert.IsTrue(rig.Ds1882Chip.Muted);
        Assert.IsTrue(double.IsPositiveInfinity(rig.Ds1882Chip.AttenuationDb(0)));
    }

    [TestMethod]
    public void Stereo_change_is_two_command_bytes_in_one_write()
    {
        var rig = Rig.Initialized();
        rig.Bus.RecordTransfers = true;

        rig.Ds1882.SetLevels(-30, -31);

        Assert.HasCount(1, rig.Bus.Log);
        CollectionAssert.AreEqual(new byte[] { 30, 0x40 | 31 }, rig.Bus.Log[0].Written);
    }

    [TestMethod]
    public void One_channel_change_is_one_byte_and_no_change_is_none()
    {
        var rig = Rig.Initialized();
        rig.Ds1882.SetLevels(-30, -30);

        Assert.AreEqual(1, rig.BytesWrittenBy(Address, () => rig.Ds1882.SetLevels(-30, -29)));
        Assert.AreEqual(0, rig.BytesWrittenBy(Address, () => rig.Ds1882.SetLevels(-30, -29)));
        Assert.AreEqual(29.0, rig.Ds1882Chip.AttenuationDb(1));
    }

    [TestMethod]
    [DataRow(1, 0)]
    [DataRow(0, 1)]
    [DataRow(-63, 0)]
    [DataRow(0, -63)]
    [DataRow(int.MinValue, int.MaxValue)]
    public void Out_of_range_is_rejected_and_nothing_is_written(int left, int right)
    {
        var rig = Rig.Initialized();
        rig.Ds1882.SetLevels(-40, -40);

        int bytes = rig.BytesWrittenBy(Address, () => Assert.AreEqual(DeviceStatus.Rejected, rig.Ds1882.SetLevels(left, right)));

        Assert.AreEqual(0, bytes);
        Assert.AreEqual(40.0, rig.Ds1882Chip.AttenuationDb(0));
    }

    [TestMethod]
    public void Verify_reads_three_bytes_and_is_ok_when_the_chip_holds_the_levels()
    {
        var rig = Rig.Initialized();
        rig.Ds1882.SetLevels(-12, -14);
        int before = rig.Bus.BytesRead(Address);

        Assert.AreEqual(DeviceStatus.Ok, rig.Ds1882.Verify());
        Assert.AreEqual(3, rig.Bus.BytesRead(Address) - before);
    }

    [TestMethod]
    public void S6_chip_reset_is_reported_by_the_next_verify()
    {
        var rig = Rig.Initialized();
        rig.Ds1882.SetLevels(-12, -12);

        rig.Bus.Inject(Address, FaultKind.ChipReset);

        Assert.IsTrue(rig.Ds1882Chip.Muted, "volatile mode powers up at mute");
        Assert.AreEqual(DeviceStatus.ChipReset, rig.Ds1882.Verify());
    }

    [TestMethod]
    public void S6_after_a_chip_reset_the_next_set_rewrites_both_channels()
    {
        var rig = Rig.Initialized();
        rig.Ds1882.SetLevels(-12, -12);
        rig.Bus.Inject(Address, FaultKind.ChipReset);
        rig.Ds1882.Verify();

        Assert.AreEqual(2, rig.BytesWrittenBy(Address, () => rig.Ds1882.SetLevels(-12, -12)));
        Assert.AreEqual(DeviceStatus.Ok, rig.Ds1882.Verify());
    }

    [TestMethod]
    public void S5_a_wiper_that_differs_from_the_request_is_a_mismatch()
    {
        var rig = Rig.Initialized();
        rig.Ds1882.SetLevels(-12, -12);

        rig.Ds1882Chip.Receive([0x40 | 5], 1);     // something else moved pot 1

        Assert.AreEqual(DeviceStatus.Mismatch, rig.Ds1882.Verify());
    }

    [TestMethod]
    public void S5_a_changed_configuration_is_a_mismatch()
    {
        var rig = Rig.Initialized();
        rig.Ds1882Chip.Receive([0x87], 1);

        Assert.AreEqual(DeviceStatus.Mismatch, rig.Ds1882.Verify());
    }
}
