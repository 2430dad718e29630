using AmpController.Simulator.Soak;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Simulator;

/// <summary>Issue 18 item 3: the flash wear arithmetic, table-tested by hand (numbers in the comments).</summary>
[TestClass]
public class FlashWearTests
{
    [TestMethod]
    // settings record of 193 bytes, "settings-a.bin" (14): truncate 40+14 → 128, data 40+14+193 = 247 → 256.
    [DataRow(193, 14, 384)]
    // a 4-byte record: 128 + 40+14+4 = 58 → 128.
    [DataRow(4, 14, 256)]
    // a record that just fills a program unit with its tags: 40+14+74 = 128 → 128.
    [DataRow(74, 14, 256)]
    [DataRow(75, 14, 384)]
    public void One_whole_file_write_appends_two_commits_padded_to_128_bytes(int record, int name, int expected)
    {
        Assert.AreEqual(expected, FlashWear.LogBytesPerWrite(record, name));
    }

    [TestMethod]
    public void Erases_per_day_fill_the_log_less_what_compaction_carries_over()
    {
        // 1,000 writes a day of a 193-byte record named "settings-a.bin": 384,000 log bytes; the block keeps the live
        // record (40 + 14 + 193 = 247 bytes), so 4096 - 247 = 3,849 bytes of log per erase → 99.77 erases a day.
        double erases = FlashWear.ErasesPerDay([new FileUse("settings-a.bin", 1000, 193)]);
        Assert.AreEqual(384_000.0 / 3_849, erases, 1e-9);
    }

    [TestMethod]
    public void S13_the_dose_record_is_too_large_to_be_inline_and_costs_a_data_block_a_write()
    {
        int record = AmpController.Core.Storage.RecordPair.HeaderLength + AmpController.Core.Dose.DoseRecord.PayloadLength
                     + AmpController.Core.Storage.RecordPair.CrcLength;
        Assert.AreEqual(692, record);
        Assert.IsTrue(record > FlashWear.InlineMaxBytes, "512 bytes: min(cache 512, attr_max 1022, 4096 / 8)");
        // The worst day DoseStore allows: 24 h of listening, one write per 10 min = 144 writes, alternating copies
        // (72 each). Log per write: truncate 40+10 → 128, pointer commit 40+10+8 = 58 → 128, so 256 bytes;
        // 2 × 72 × 256 = 36,864 bytes of log over 4096 − 2 × 58 = 3,980 free bytes = 9.262 erases, + 144 data blocks.
        double perDay = 24 * 3600_000.0 / AmpController.Core.Dose.DoseStore.ListeningMsPerWrite;
        Assert.AreEqual(144, perDay);
        double erases = FlashWear.ErasesPerDay([new FileUse("dose-a.bin", perDay / 2, record), new FileUse("dose-b.bin", perDay / 2, record)]);
        Assert.AreEqual(36_864.0 / 3_980 + 144, erases, 1e-9);
        // Alone: 100,000 × 62 / 153.26 / 365.25 = 110.8 years of such days.
        Assert.AreEqual(110.8, FlashWear.LevelledYears(erases), 0.05);
    }

    [TestMethod]
    public void Levelled_life_spreads_the_erases_over_62_blocks_of_100000_cycles()
    {
        Assert.AreEqual(64, FlashWear.PartitionBlocks, "0x40000 bytes / 4096");
        // 100 erases a day over 62 blocks: 100,000 × 62 / 100 / 365.25 = 169.75 years.
        Assert.AreEqual(169.75, FlashWear.LevelledYears(100), 0.01);
        Assert.AreEqual(double.PositiveInfinity, FlashWear.LevelledYears(0));
    }

    [TestMethod]
    public void Unlevelled_life_is_the_rated_cycles_over_the_files_writes()
    {
        // The worst case of docs/safety.md's mute estimate: 100 writes a day of one copy = 2.74 years.
        Assert.AreEqual(2.738, FlashWear.UnlevelledYears(100), 0.001);
        Assert.AreEqual(double.PositiveInfinity, FlashWear.UnlevelledYears(0));
    }

    /// <summary>
    /// S13 (issue 16, docs/safety.md): the dose record at 8 h of listening a day, 48 writes (one per 10 min of listening),
    /// 24 per copy. Levelled: 48 data blocks + 48 × 256 log bytes over 3,980 = 51.09 erases a day, 332 years over 62
    /// blocks; unlevelled, a copy's own sector erased 24 times a day: 100,000 / 24 / 365.25 = 11.4 years (16 h: 5.7).
    /// </summary>
    [TestMethod]
    public void S13_the_dose_record_at_8_hours_a_day_lasts_11_years_unlevelled_and_332_levelled()
    {
        int record = AmpController.Core.Storage.RecordPair.HeaderLength + AmpController.Core.Dose.DoseRecord.PayloadLength
            + AmpController.Core.Storage.RecordPair.CrcLength;
        double perDay = 8 * 3600_000.0 / AmpController.Core.Dose.DoseStore.ListeningMsPerWrite;
        Assert.AreEqual(48, perDay);
        double erases = FlashWear.ErasesPerDay([new FileUse("dose-a.bin", perDay / 2, record), new FileUse("dose-b.bin", perDay / 2, record)]);
        Assert.AreEqual(48 + 48 * 256 / 3_980.0, erases, 1e-9);
        Assert.AreEqual(332.3, FlashWear.LevelledYears(erases), 0.1);
        Assert.AreEqual(11.41, FlashWear.UnlevelledYears(perDay / 2), 0.01);
        Assert.AreEqual(5.71, FlashWear.UnlevelledYears(perDay), 0.01, "16 h a day");
        // With the soak's stress mix of settings and boot-counter writes (456 erases a day, docs/safety.md): 33.4 years.
        Assert.AreEqual(33.4, FlashWear.LevelledYears(456 + erases), 0.1);
    }
}
