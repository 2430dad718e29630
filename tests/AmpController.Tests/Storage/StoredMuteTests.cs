using AmpController.Simulator.Platform;
using System;
using AmpController.Core.Storage;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Storage;

/// <summary>
/// Issue 19: the listener's mute is kept with the stored settings (S9: two copies with CRC), written between ticks,
/// one flash write per change.
/// </summary>
[TestClass]
public class StoredMuteTests
{
    static (SettingsStore Store, MemoryFileStore Files) Fresh() { var f = new MemoryFileStore(); return (new SettingsStore(f), f); }

    static bool LoadedMute(SettingsStore store)
    {
        var s = new Settings();
        store.Load(s);
        return s.UserMuted;
    }

    [TestMethod]
    public void S9_the_mute_flag_round_trips_in_a_version_3_record()
    {
        var s = SettingsSamples.New();
        s.SetUserMuted(true);
        var record = SettingsCodec.EncodeRecord(s, 3);
        Assert.AreEqual(3, record[2], "format version 3 carries the flags byte (from version 2) and the ack limit (issue 16)");
        var back = new Settings();
        Assert.IsTrue(SettingsCodec.TryDecodeRecord(record, back, new DecodeReport()));
        Assert.IsTrue(back.UserMuted);
        Assert.IsTrue(SettingsSamples.Same(s, back));
    }

    [TestMethod]
    public void S9_a_version_1_record_without_flags_still_loads_not_muted()
    {
        var s = SettingsSamples.Old();
        var v3 = SettingsCodec.EncodeRecord(s, 5);
        // The same record as version 1 wrote it: no flags byte and no ack limit, version 1, CRC over the shorter record.
        var v1 = new byte[v3.Length - 2];
        Array.Copy(v3, v1, v1.Length - 4);
        v1[2] = 1;
        v1[3] = (byte)(v3[3] - 2);
        BitConverter.GetBytes(Crc32.Compute(v1, 0, v1.Length - 4)).CopyTo(v1, v1.Length - 4);
        var back = new Settings();
        back.SetUserMuted(true);
        Assert.IsTrue(SettingsCodec.TryDecodeRecord(v1, back, new DecodeReport()));
        Assert.IsFalse(back.UserMuted);
        Assert.AreEqual(s.LimitDbA, back.LimitDbA);
        Assert.AreEqual(s.ProfileCount, back.ProfileCount);
    }

    [TestMethod]
    public void S9_unknown_flag_bits_are_ignored_and_counted_and_a_version_1_record_may_not_carry_flags()
    {
        var s = SettingsSamples.Old();
        var record = SettingsCodec.EncodeRecord(s, 5);
        int flagsAt = record.Length - 6; // flags, ack limit, CRC
        record[flagsAt] = 0xFF;
        BitConverter.GetBytes(Crc32.Compute(record, 0, record.Length - 4)).CopyTo(record, record.Length - 4);
        var report = new DecodeReport();
        var back = new Settings();
        Assert.IsTrue(SettingsCodec.TryDecodeRecord(record, back, report));
        Assert.IsTrue(back.UserMuted, "bit 0 set: muted (the safe side)");
        Assert.AreEqual(1, report.ClampedValues);
        record[2] = 1; // the same bytes claiming version 1: two bytes too many
        BitConverter.GetBytes(Crc32.Compute(record, 0, record.Length - 4)).CopyTo(record, record.Length - 4);
        Assert.IsFalse(SettingsCodec.TryDecodeRecord(record, new Settings(), new DecodeReport()));
    }

    [TestMethod]
    public void One_flash_write_per_change_between_ticks_and_none_while_nothing_changes()
    {
        var (store, files) = Fresh();
        var live = new Settings();
        var mute = new StoredMute(store, live);
        mute.Flush();
        Assert.AreEqual(0, files.Writes);
        mute.Remember(true);
        Assert.AreEqual(0, files.Writes, "Remember (in the tick) never writes");
        Assert.IsTrue(live.UserMuted, "a console 'save' carries the current mute");
        mute.Flush();
        Assert.AreEqual(1, files.Writes);
        Assert.AreEqual(1, mute.Writes);
        Assert.IsTrue(LoadedMute(store));
        mute.Remember(true);
        mute.Flush();
        Assert.AreEqual(1, files.Writes, "the same state again: nothing to write");
        mute.Remember(false);
        mute.Remember(true);
        mute.Flush();
        Assert.AreEqual(1, files.Writes, "toggled back within one tick: the stored value is still right");
        mute.Remember(false);
        mute.Flush();
        Assert.AreEqual(2, files.Writes);
        Assert.IsFalse(LoadedMute(store));
    }

    [TestMethod]
    public void S9_a_mute_write_keeps_the_saved_settings_and_not_unsaved_edits()
    {
        var (store, _) = Fresh();
        var saved = SettingsSamples.New();
        Assert.IsTrue(store.Save(saved));
        var live = new Settings();
        store.Load(live);
        Assert.AreEqual(SettingsResult.Ok, live.TrySetLimit(100)); // a console edit, not saved
        var mute = new StoredMute(store, live);
        mute.Remember(true);
        mute.Flush();
        var loaded = new Settings();
        store.Load(loaded);
        Assert.IsTrue(loaded.UserMuted);
        Assert.AreEqual(saved.LimitDbA, loaded.LimitDbA, "the unsaved limit stayed unsaved");
        Assert.AreEqual(saved.ProfileCount, loaded.ProfileCount);
        loaded.SetUserMuted(false);
        Assert.IsTrue(SettingsSamples.Same(saved, loaded));
    }

    [TestMethod]
    public void S9_a_power_cut_during_the_mute_write_leaves_the_previous_copy()
    {
        var (store, files) = Fresh();
        Assert.IsTrue(store.Save(SettingsSamples.Old()));
        var live = new Settings();
        store.Load(live);
        var mute = new StoredMute(store, live);
        mute.Remember(true);
        files.CutNextWrite(10, TornWrite.Truncated);
        mute.Flush(); // the store catches the cut (the device would simply stop here)
        Assert.AreEqual(1, mute.FailedWrites);
        var loaded = new Settings();
        Assert.AreNotEqual(LoadOutcome.CorruptDefaults, store.Load(loaded));
        Assert.IsTrue(SettingsSamples.Same(SettingsSamples.Old(), loaded), "the old copy, not muted: the cut write never finished");
    }

    [TestMethod]
    public void A_failed_write_is_counted_and_not_retried_every_loop()
    {
        var (store, files) = Fresh();
        var mute = new StoredMute(store, new Settings());
        files.FailWrites = true;
        mute.Remember(true);
        mute.Flush();
        mute.Flush();
        Assert.AreEqual(1, mute.Writes);
        Assert.AreEqual(1, mute.FailedWrites);
    }
}
