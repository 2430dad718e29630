using AmpController.Core.Platform;
using AmpController.Core.Storage;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Storage;

/// <summary>Cases found by mutation testing (Stryker) that the main S9 tests did not pin down.</summary>
[TestClass]
public class SettingsStoreEdgeTests
{
    /// <summary>Flash that acknowledges a write but keeps one bit flipped.</summary>
    private sealed class BitRotStore : IFileStore
    {
        public readonly MemoryFileStore Inner = new();
        public bool Rot;
        public byte[]? ReadAll(string name) => Inner.ReadAll(name);
        public bool WriteAll(string name, byte[] data)
        {
            var copy = (byte[])data.Clone();
            if (Rot) copy[copy.Length / 2] ^= 0x10;
            return Inner.WriteAll(name, copy);
        }
    }

    [TestMethod]
    public void S9_save_overwrites_the_older_copy_even_when_it_is_copy_b()
    {
        var files = new MemoryFileStore();
        files.Files[SettingsStore.DefaultNameA] = SettingsCodec.EncodeRecord(SettingsSamples.Old(), 5);
        files.Files[SettingsStore.DefaultNameB] = SettingsCodec.EncodeRecord(SettingsSamples.Third(), 3);
        var store = new SettingsStore(files);
        Assert.IsTrue(store.Save(SettingsSamples.New()));
        Assert.AreEqual(6u, store.Status.Sequence);
        var a = new Settings();
        Assert.IsTrue(SettingsCodec.TryDecodeRecord(files.Files[SettingsStore.DefaultNameA], a, new DecodeReport()));
        Assert.IsTrue(SettingsSamples.Same(SettingsSamples.Old(), a), "the newest copy (A, seq 5) must survive the save");
    }

    [TestMethod]
    public void S9_a_write_that_reads_back_different_is_a_failed_save()
    {
        var files = new BitRotStore();
        var store = new SettingsStore(files);
        Assert.IsTrue(store.Save(SettingsSamples.Old()));
        files.Rot = true;
        Assert.IsFalse(store.Save(SettingsSamples.New()));
        Assert.IsFalse(store.Status.LastSaveOk);
        var loaded = new Settings();
        new SettingsStore(files).Load(loaded);
        Assert.IsTrue(SettingsSamples.Same(SettingsSamples.Old(), loaded));
    }

    [TestMethod]
    [DataRow(0, (byte)'B')]
    [DataRow(1, (byte)'D')]
    [DataRow(2, (byte)4)] // a future version
    [DataRow(2, (byte)0)]
    public void S9_wrong_magic_or_version_is_rejected_even_with_a_matching_crc(int index, byte value)
    {
        var record = SettingsCodec.EncodeRecord(SettingsSamples.New(), 1);
        record[index] = value;
        int crcAt = record.Length - 4;
        System.BitConverter.GetBytes(Crc32.Compute(record, 0, crcAt)).CopyTo(record, crcAt);
        var s = SettingsSamples.Old();
        Assert.IsFalse(SettingsCodec.TryDecodeRecord(record, s, new DecodeReport()));
        Assert.IsTrue(SettingsSamples.Same(SettingsSamples.Old(), s));
    }

    [TestMethod]
    public void S9_trailing_bytes_after_a_valid_record_reject_it()
    {
        var record = SettingsCodec.EncodeRecord(SettingsSamples.New(), 1);
        var longer = new byte[record.Length + 1];
        record.CopyTo(longer, 0);
        Assert.IsFalse(SettingsCodec.TryDecodeRecord(longer, new Settings(), new DecodeReport()));
        Assert.IsFalse(SettingsCodec.TryDecodeRecord(record[..11], new Settings(), new DecodeReport()));
        Assert.IsFalse(SettingsCodec.TryDecodeRecord(null, new Settings(), new DecodeReport()));
    }

    [TestMethod]
    public void S9_status_line_names_every_repair()
    {
        var status = new StoreStatus { Outcome = LoadOutcome.OneCopyValid, Sequence = 4, CorruptCopies = 1, ClampedValues = 2, DroppedProfiles = 3 };
        var text = status.Describe();
        // Plain words (issue 15): what happened and what it means, no counters to decode.
        StringAssert.Contains(text, "saved, one copy damaged (the good one is in use; the next save replaces the other) (save #4)");
        StringAssert.Contains(text, "2 value(s) were out of range and were clamped");
        StringAssert.Contains(text, "3 invalid profile(s) dropped");
        Assert.IsFalse(text.Contains("last save"), "no save attempted yet");
        status.RepairedCopies = 1;
        StringAssert.Contains(status.Describe(), "saved, one copy repaired");
        var clean = new StoreStatus { Outcome = LoadOutcome.BothCopiesValid, LastSaveAttempted = true, LastSaveOk = true }.Describe();
        Assert.IsFalse(clean.Contains("damaged") || clean.Contains("clamped") || clean.Contains("dropped"), clean);
        StringAssert.Contains(clean, "saved, both copies good");
        StringAssert.Contains(clean, "last save ok");
    }

    [TestMethod]
    public void S9_profile_names_accept_exactly_the_documented_characters()
    {
        Assert.IsTrue(StoredProfile.IsValidName("azAZ09._+-"));
        foreach (char c in "@[`{/:~ ")
            Assert.IsFalse(StoredProfile.IsValidName("a" + c), $"'{c}'");
    }
}
