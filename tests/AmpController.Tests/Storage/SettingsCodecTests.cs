using System;
using AmpController.Core.Acoustics;
using AmpController.Core.Storage;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Storage;

[TestClass]
public class SettingsCodecTests
{
    /// <summary>Wraps raw payload bytes in a correct header and CRC, as a buggy older firmware might have written.</summary>
    internal static byte[] Frame(byte[] payload, uint sequence = 1)
    {
        var record = new byte[SettingsCodec.HeaderLength + payload.Length + SettingsCodec.CrcLength];
        record[0] = SettingsCodec.Magic0;
        record[1] = SettingsCodec.Magic1;
        record[2] = SettingsCodec.FormatVersion;
        record[3] = (byte)payload.Length;
        BitConverter.GetBytes(sequence).CopyTo(record, 4);
        payload.CopyTo(record, SettingsCodec.HeaderLength);
        int crcAt = SettingsCodec.HeaderLength + payload.Length;
        BitConverter.GetBytes(Crc32.Compute(record, 0, crcAt)).CopyTo(record, crcAt);
        return record;
    }

    private static byte[] ProfileBytes(string name, int impedance, int sensitivity, int unit)
    {
        var bytes = new byte[1 + name.Length + 5];
        bytes[0] = (byte)name.Length;
        for (int i = 0; i < name.Length; i++) bytes[1 + i] = (byte)name[i];
        BitConverter.GetBytes((ushort)impedance).CopyTo(bytes, 1 + name.Length);
        BitConverter.GetBytes((ushort)sensitivity).CopyTo(bytes, 3 + name.Length);
        bytes[^1] = (byte)unit;
        return bytes;
    }

    [TestMethod]
    public void S9_record_layout_is_little_endian_with_crc_over_header_and_payload()
    {
        var record = SettingsCodec.EncodeRecord(SettingsSamples.Old(), 0x01020304);
        Assert.AreEqual((byte)'A', record[0]);
        Assert.AreEqual((byte)'C', record[1]);
        Assert.AreEqual(new byte[] { 4, 3, 2, 1 }[0], record[4]);
        Assert.AreEqual(0x01020304u, BitConverter.ToUInt32(record, 4));
        Assert.AreEqual(90, record[8]);
        Assert.AreEqual(72, record[9]);
        int crcAt = record.Length - 4;
        Assert.AreEqual(Crc32.Compute(record, 0, crcAt), BitConverter.ToUInt32(record, crcAt));
        Assert.IsTrue(record.Length <= SettingsCodec.MaxRecordLength);
    }

    [TestMethod]
    public void S9_a_full_settings_record_fits_the_maximum_length()
    {
        var s = new Settings();
        for (int i = 0; i < Settings.MaxProfiles; i++)
            Assert.AreEqual(SettingsResult.Ok, s.TryAddProfile(new StoredProfile("sixteen-chars-" + i.ToString("D2"), 10000, 1400, SensitivityUnit.DbPerMw)));
        var record = SettingsCodec.EncodeRecord(s, 9);
        Assert.AreEqual(SettingsCodec.MaxRecordLength, record.Length);
        var back = new Settings();
        Assert.IsTrue(SettingsCodec.TryDecodeRecord(record, back, new DecodeReport()));
        Assert.IsTrue(SettingsSamples.Same(s, back));
    }

    [TestMethod]
    [DataRow(200, 90, 100, 80, 2)]
    [DataRow(10, 10, 60, 60, 2)]
    [DataRow(65, 80, 65, 65, 1)]
    [DataRow(255, 0, 100, 60, 2)]
    [DataRow(101, 81, 100, 80, 2)]
    [DataRow(59, 59, 60, 60, 2)]
    [DataRow(85, 70, 85, 70, 0)]
    public void S9_out_of_range_levels_are_clamped_on_load(int limit, int safe, int expectLimit, int expectSafe, int clamps)
    {
        var report = new DecodeReport();
        var s = new Settings();
        Assert.IsTrue(SettingsCodec.TryDecodeRecord(Frame(new byte[] { (byte)limit, (byte)safe, 0, 0 }), s, report));
        Assert.AreEqual(expectLimit, s.LimitDbA);
        Assert.AreEqual(expectSafe, s.SafeDefaultDbA);
        Assert.AreEqual(clamps, report.ClampedValues);
    }

    [TestMethod]
    public void S9_unknown_chip_loads_as_ds1882_and_counts_as_clamped()
    {
        var report = new DecodeReport();
        var s = new Settings();
        Assert.IsTrue(SettingsCodec.TryDecodeRecord(Frame(new byte[] { 85, 70, 7, 0 }), s, report));
        Assert.AreEqual(VolumeChipChoice.Ds1882, s.VolumeChip);
        Assert.AreEqual(1, report.ClampedValues);
    }

    [TestMethod]
    [DataRow("ok", 300, 970, 1, 1)]
    [DataRow("zero-ohm", 0, 970, 1, 0)]
    [DataRow("huge-ohm", 60000, 970, 1, 0)]
    [DataRow("deaf", 300, 100, 0, 0)]
    [DataRow("loud", 300, 2000, 1, 0)]
    [DataRow("bad-unit", 300, 970, 9, 0)]
    [DataRow("", 300, 970, 1, 0)]
    [DataRow("sp  ace", 300, 970, 1, 0)]
    [DataRow(" lead", 300, 970, 1, 0)]
    [DataRow("sp ace", 300, 970, 1, 1)]
    [DataRow("\u00e9t\u00e9", 300, 970, 1, 0)]
    public void S9_invalid_stored_profiles_are_dropped_not_repaired(string name, int ohm, int sens, int unit, int kept)
    {
        var payload = new byte[] { 85, 70, 0, 1 };
        var record = Frame(Concat(payload, ProfileBytes(name, ohm, sens, unit)));
        var report = new DecodeReport();
        var s = new Settings();
        Assert.IsTrue(SettingsCodec.TryDecodeRecord(record, s, report));
        Assert.AreEqual(kept, s.ProfileCount);
        Assert.AreEqual(1 - kept, report.DroppedProfiles);
    }

    [TestMethod]
    public void S9_duplicate_stored_profile_names_keep_only_the_first()
    {
        var payload = Concat(new byte[] { 85, 70, 0, 2 }, ProfileBytes("HD600", 3000, 970, 1), ProfileBytes("hd600", 320, 1200, 0));
        var s = new Settings();
        var report = new DecodeReport();
        Assert.IsTrue(SettingsCodec.TryDecodeRecord(Frame(payload), s, report));
        Assert.AreEqual(1, s.ProfileCount);
        Assert.AreEqual(3000, s.GetProfile(0).ImpedanceTenthsOhm);
        Assert.AreEqual(1, report.DroppedProfiles);
    }

    [TestMethod]
    [DataRow(new byte[] { 85, 70, 0 })]                 // too short
    [DataRow(new byte[] { 85, 70, 0, 9 })]              // more profiles than allowed
    [DataRow(new byte[] { 85, 70, 0, 1, 3, 65 })]       // profile runs past the end
    [DataRow(new byte[] { 85, 70, 0, 0, 0, 0, 0 })]     // a trailing byte after the flags byte and the ack limit (version 3)
    [DataRow(new byte[] { 85, 70, 0, 1, 17, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 1, 1, 1, 1, 1 })] // name too long
    public void S9_structurally_broken_payload_rejects_the_copy_and_leaves_the_target_alone(byte[] payload)
    {
        var s = SettingsSamples.Old();
        Assert.IsFalse(SettingsCodec.TryDecodeRecord(Frame(payload), s, new DecodeReport()));
        Assert.IsTrue(SettingsSamples.Same(SettingsSamples.Old(), s));
    }

    [TestMethod]
    public void S9_random_file_bytes_never_throw_and_always_load_in_range()
    {
        var gen = Gen.Select(Gen.Byte.Array[0, 260].Null(), Gen.Byte.Array[0, 260].Null());
        gen.Sample((a, b) =>
        {
            var files = new MemoryFileStore();
            if (a != null) files.Files[SettingsStore.DefaultNameA] = a;
            if (b != null) files.Files[SettingsStore.DefaultNameB] = b;
            var s = SettingsSamples.New();
            var store = new SettingsStore(files);
            var outcome = store.Load(s);
            SettingsSamples.AssertInRange(s);
            Assert.IsFalse(string.IsNullOrEmpty(store.Status.Describe()));
            Assert.AreNotEqual(LoadOutcome.NotLoaded, outcome);
        }, iter: 20000);
    }

    /// <summary>Random payloads behind a valid CRC reach the field decoder: still never a throw, always in range.</summary>
    [TestMethod]
    public void S9_random_payload_with_valid_crc_never_throws_and_is_clamped_into_range()
    {
        var header = Gen.Byte.Array[4];
        var profile = Gen.Select(Gen.String[Gen.Char['+', 'z'], 0, 18], Gen.Int[0, 65535], Gen.Int[0, 65535], Gen.Int[0, 3])
            .Select((n, z, s, u) => ProfileBytes(n, z, s, u));
        var gen = Gen.Select(header, profile.Array[0, 8], Gen.Byte.Array[0, 3], Gen.Bool);
        gen.Sample((head, profiles, tail, fixCount) =>
        {
            if (fixCount) head[3] = (byte)profiles.Length;
            var payload = Concat(head, Concat(profiles), tail);
            if (payload.Length > 255) return;
            var s = SettingsSamples.Old();
            bool ok = SettingsCodec.TryDecodeRecord(Frame(payload), s, new DecodeReport());
            if (!ok) Assert.IsTrue(SettingsSamples.Same(SettingsSamples.Old(), s), "rejected copy must leave the target alone");
            SettingsSamples.AssertInRange(s);
        }, iter: 20000);
    }

    private static byte[] Concat(params byte[][] parts)
    {
        int n = 0;
        foreach (var p in parts) n += p.Length;
        var all = new byte[n];
        int at = 0;
        foreach (var p in parts) { p.CopyTo(all, at); at += p.Length; }
        return all;
    }

    /// <summary>S12, S9 (issue 16): the acknowledged tier's limit is stored (version 3) and clamped to 85-100 dBA on load.</summary>
    [TestMethod]
    [DataRow(90, 90, 0)]
    [DataRow(85, 85, 0)]
    [DataRow(100, 100, 0)]
    [DataRow(84, 85, 1)]
    [DataRow(0, 85, 1)]
    [DataRow(101, 100, 1)]
    [DataRow(255, 100, 1)]
    public void S12_S9_the_ack_limit_is_stored_and_clamped_to_85_100_on_load(int stored, int expect, int clamps)
    {
        var report = new DecodeReport();
        var s = new Settings();
        Assert.IsTrue(SettingsCodec.TryDecodeRecord(Frame(new byte[] { 85, 70, 0, 0, 0, (byte)stored }), s, report));
        Assert.AreEqual(expect, s.AckLimitDbA);
        Assert.AreEqual(clamps, report.ClampedValues);
        Assert.AreEqual(85, s.LimitDbA);
    }

    [TestMethod]
    public void S12_the_ack_limit_round_trips_and_a_record_without_it_loads_the_default_100()
    {
        var s = SettingsSamples.Old();
        Assert.AreEqual(SettingsResult.Ok, s.TrySetAckLimit(92));
        var back = new Settings();
        Assert.IsTrue(SettingsCodec.TryDecodeRecord(SettingsCodec.EncodeRecord(s, 7), back, new DecodeReport()));
        Assert.AreEqual(92, back.AckLimitDbA);
        // Version 3 record that ends after the flags byte, and a version 2 record: the default.
        foreach (byte version in new byte[] { 3, 2 })
        {
            var record = Frame(new byte[] { 85, 70, 0, 0, 1 });
            record[2] = version;
            int crcAt = record.Length - 4;
            BitConverter.GetBytes(Crc32.Compute(record, 0, crcAt)).CopyTo(record, crcAt);
            var loaded = new Settings();
            loaded.TrySetAckLimit(90);
            Assert.IsTrue(SettingsCodec.TryDecodeRecord(record, loaded, new DecodeReport()), "version " + version);
            Assert.AreEqual(Settings.DefaultAckLimitDbA, loaded.AckLimitDbA, "version " + version);
            Assert.IsTrue(loaded.UserMuted);
        }
        // Version 2 may not carry the ack limit: one byte too many.
        var v2 = Frame(new byte[] { 85, 70, 0, 0, 0, 90 });
        v2[2] = 2;
        BitConverter.GetBytes(Crc32.Compute(v2, 0, v2.Length - 4)).CopyTo(v2, v2.Length - 4);
        Assert.IsFalse(SettingsCodec.TryDecodeRecord(v2, new Settings(), new DecodeReport()));
    }

    [TestMethod]
    [DataRow(84)]
    [DataRow(101)]
    [DataRow(-1)]
    public void S12_an_ack_limit_edit_out_of_85_100_changes_nothing(int dbA)
    {
        var s = new Settings();
        Assert.AreEqual(SettingsResult.AckLimitOutOfRange, s.TrySetAckLimit(dbA));
        Assert.AreEqual(Settings.DefaultAckLimitDbA, s.AckLimitDbA);
    }
}
