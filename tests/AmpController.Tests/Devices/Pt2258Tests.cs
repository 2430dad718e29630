using System.Linq;
using AmpController.Core.Devices;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Devices;

/// <summary>PT2258 driver against its simulated chip (Devices/Pt2258/README.md).</summary>
[TestClass]
public sealed class Pt2258Tests
{
    private const int Address = SimPt2258.DefaultAddress;

    [TestMethod]
    public void Power_on_state_is_undefined_garbage()
    {
        bool sawUnmuted = false;
        bool sawLoud = false;
        for (int seed = 0; seed < 20; seed++)
        {
            var chip = new SimPt2258(new SimClock(), Address, seed);
            sawUnmuted |= !chip.Muted;
            sawLoud |= chip.ChannelAttenuationDb(1) < 20;
        }
        Assert.IsTrue(sawUnmuted && sawLoud, "the model must not hide the PT2258's undefined power-on state");
    }

    [TestMethod]
    public void Initialize_within_200_ms_of_power_on_is_not_ready_and_writes_nothing()
    {
        var rig = new Rig();
        rig.Clock.Advance(199);

        Assert.AreEqual(DeviceStatus.NotReady, rig.Pt2258.Initialize());
        Assert.AreEqual(0, rig.Bus.TransferCount(Address));
    }

    [TestMethod]
    public void Chip_ignores_writes_during_its_first_200_ms()
    {
        var clock = new SimClock();
        var chip = new SimPt2258(clock, Address, seed: 3);
        bool mutedAtStart = chip.Muted;
        clock.Advance(150);

        chip.Receive([mutedAtStart ? (byte)0xF8 : (byte)0xF9], 1);

        Assert.AreEqual(mutedAtStart, chip.Muted);
        Assert.AreEqual(1, chip.IgnoredWrites);
    }

    [TestMethod]
    public void Initialize_after_200_ms_clears_mutes_and_sets_every_channel_to_minus_79()
    {
        var rig = new Rig(seed: 5);
        rig.Clock.Advance(200);
        rig.Bus.RecordTransfers = true;

        Assert.AreEqual(DeviceStatus.Ok, rig.Pt2258.Initialize());

        var sent = rig.Bus.Log.Select(t => t.Written).ToList();
        CollectionAssert.AreEqual(new byte[] { 0xC0 }, sent[0], "clear register");
        CollectionAssert.AreEqual(new byte[] { 0xF9 }, sent[1], "mute on");
        CollectionAssert.AreEqual(new byte[] { 0xD7, 0xE9 }, sent[2], "all channels -70 dB then -9 dB");
        Assert.IsTrue(rig.Pt2258Chip.Muted);
        for (int ch = 1; ch <= 6; ch++) Assert.AreEqual(79, rig.Pt2258Chip.ChannelAttenuationDb(ch));
    }

    [TestMethod]
    public void Minus_37_dB_is_10_dB_code_3_and_1_dB_code_7()
    {
        var rig = Rig.Initialized();
        rig.Bus.RecordTransfers = true;

        Assert.AreEqual(DeviceStatus.Ok, rig.Pt2258.SetLevels(-37, -12));

        CollectionAssert.AreEqual(new byte[] { 0x80 | 3, 0x90 | 7 }, rig.Bus.Log[0].Written, "channel 1 = left");
        CollectionAssert.AreEqual(new byte[] { 0x40 | 1, 0x50 | 2 }, rig.Bus.Log[1].Written, "channel 2 = right");
        CollectionAssert.AreEqual(new byte[] { 0xF8 }, rig.Bus.Log[2].Written, "mute off last");
        Assert.AreEqual(37.0, rig.Pt2258Chip.AttenuationDb(0));
        Assert.AreEqual(12.0, rig.Pt2258Chip.AttenuationDb(1));
        Assert.IsFalse(rig.Pt2258Chip.Muted);
    }

    [TestMethod]
    public void Equal_stereo_change_uses_the_all_channel_pair()
    {
        var rig = Rig.Initialized();
        rig.Bus.RecordTransfers = true;

        rig.Pt2258.SetLevels(-45, -45);

        CollectionAssert.AreEqual(new byte[] { 0xD4, 0xE5 }, rig.Bus.Log[0].Written);
        Assert.AreEqual(45.0, rig.Pt2258Chip.AttenuationDb(0));
        Assert.AreEqual(45.0, rig.Pt2258Chip.AttenuationDb(1));
    }

    [TestMethod]
    public void Fewest_bytes_one_channel_is_two_bytes_and_no_change_is_none()
    {
        var rig = Rig.Initialized();
        rig.Pt2258.SetLevels(-30, -30);

        Assert.AreEqual(2, rig.BytesWrittenBy(Address, () => rig.Pt2258.SetLevels(-30, -31)));
        Assert.AreEqual(0, rig.BytesWrittenBy(Address, () => rig.Pt2258.SetLevels(-30, -31)));
        Assert.AreEqual(4, rig.BytesWrittenBy(Address, () => rig.Pt2258.SetLevels(-20, -21)));
    }

    [TestMethod]
    [DataRow(0, 0.0)]
    [DataRow(-9, 9.0)]
    [DataRow(-10, 10.0)]
    [DataRow(-79, 79.0)]
    public void Levels_across_the_range(int db, double attenuation)
    {
        var rig = Rig.Initialized();
        rig.Pt2258.SetLevels(db, db - (db == -79 ? 0 : 1));
        Assert.AreEqual(attenuation, rig.Pt2258Chip.AttenuationDb(0));
    }

    [TestMethod]
    [DataRow(1, 0)]
    [DataRow(0, -80)]
    [DataRow(-80, -80)]
    public void Out_of_range_is_rejected_and_nothing_is_written(int left, int right)
    {
        var rig = Rig.Initialized();
        int bytes = rig.BytesWrittenBy(Address, () => Assert.AreEqual(DeviceStatus.Rejected, rig.Pt2258.SetLevels(left, right)));
        Assert.AreEqual(0, bytes);
        Assert.IsTrue(rig.Pt2258Chip.Muted);
    }

    [TestMethod]
    public void Mute_is_one_byte_F9()
    {
        var rig = Rig.Initialized();
        rig.Pt2258.SetLevels(-20, -20);
        Assert.AreEqual(1, rig.BytesWrittenBy(Address, () => Assert.AreEqual(DeviceStatus.Ok, rig.Pt2258.Mute())));
        Assert.IsTrue(rig.Pt2258Chip.Muted);
    }

    [TestMethod]
    public void S6_refresh_restores_a_chip_that_reset_itself()
    {
        var rig = Rig.Initialized(seed: 11);
        rig.Pt2258.SetLevels(-33, -34);
        rig.Bus.Inject(Address, FaultKind.ChipReset);
        rig.Clock.Advance(SimPt2258.StartupMs);

        Assert.AreEqual(DeviceStatus.Ok, rig.Pt2258.Verify());

        Assert.AreEqual(33.0, rig.Pt2258Chip.AttenuationDb(0));
        Assert.AreEqual(34.0, rig.Pt2258Chip.AttenuationDb(1));
        Assert.IsFalse(rig.Pt2258Chip.Muted);
    }

    [TestMethod]
    public void S6_refresh_of_a_muted_chip_sends_mute_first_and_keeps_it_muted()
    {
        var rig = Rig.Initialized(seed: 2);
        rig.Pt2258.SetLevels(-33, -34);
        rig.Pt2258.Mute();
        rig.Bus.Inject(Address, FaultKind.ChipReset);
        rig.Clock.Advance(SimPt2258.StartupMs);
        rig.Bus.RecordTransfers = true;

        Assert.AreEqual(DeviceStatus.Ok, rig.Pt2258.Verify());

        CollectionAssert.AreEqual(new byte[] { 0xF9 }, rig.Bus.Log[0].Written);
        Assert.IsTrue(rig.Pt2258Chip.Muted);
    }

    [TestMethod]
    public void S6_refresh_writes_the_full_state_every_time()
    {
        var rig = Rig.Initialized();
        rig.Pt2258.SetLevels(-20, -20);
        Assert.AreEqual(5, rig.BytesWrittenBy(Address, () => rig.Pt2258.Verify()), "two pairs and the mute state");
        Assert.AreEqual(5, rig.BytesWrittenBy(Address, () => rig.Pt2258.Verify()));
    }

    [TestMethod]
    public void Verify_before_initialize_initializes_once_the_chip_is_ready()
    {
        var rig = new Rig();
        Assert.AreEqual(DeviceStatus.NotReady, rig.Pt2258.Verify());
        rig.Clock.Advance(200);
        Assert.AreEqual(DeviceStatus.Ok, rig.Pt2258.Verify());
        Assert.IsTrue(rig.Pt2258Chip.Muted);
    }

    [TestMethod]
    public void After_a_failed_transfer_the_next_set_rewrites_both_channels_and_the_mute_state()
    {
        var rig = Rig.Initialized();
        rig.Pt2258.SetLevels(-30, -30);
        rig.Bus.Inject(Address, FaultKind.Nack);
        Assert.AreEqual(DeviceStatus.BusError, rig.Pt2258.SetLevels(-31, -30));

        Assert.AreEqual(5, rig.BytesWrittenBy(Address, () => rig.Pt2258.SetLevels(-31, -30)));
        Assert.AreEqual(31.0, rig.Pt2258Chip.AttenuationDb(0));
    }

    [TestMethod]
    public void Level_codes_need_both_halves_in_one_transaction()
    {
        var rig = Rig.Initialized();
        rig.Pt2258Chip.Receive([0x80 | 1], 1);
        Assert.AreEqual(79, rig.Pt2258Chip.ChannelAttenuationDb(1));
        rig.Pt2258Chip.Receive([0x90 | 5, 0x80 | 1], 2);
        Assert.AreEqual(15, rig.Pt2258Chip.ChannelAttenuationDb(1), "either order");
    }
}
