using System;
using System.Collections.Generic;

namespace AmpController.Simulator.Soak;

/// <summary>One stored file's use in a soak: writes per simulated day and the mean record length.</summary>
public sealed record FileUse(string Name, double WritesPerDay, double BytesPerWrite);

/// <summary>
/// Flash wear of the stored records (issue 18 item 3), from the writes a soak counts. Pure arithmetic over the device's
/// storage as nanoFramework sets it up on the ESP32:
/// - the I: drive is littlefs (joltwallet/esp_littlefs, mounted by nf-interpreter
///   targets/ESP32/_common/targetHAL_ConfigStorageLittlefs.c through esp_vfs_littlefs_register) on the "config"
///   partition of 0x40000 bytes (targets/ESP32/_IDF/esp32/partitions_nanoclr_4mb.csv) = 64 blocks of 4096 bytes (the
///   ESP32 flash sector, esp_littlefs src/littlefs_api.c);
/// - nf-interpreter's sdkconfig (targets/ESP32/_IDF/sdkconfig.default.esp32) sets no LITTLEFS option, so esp_littlefs's
///   Kconfig defaults hold: program size 128 bytes (LITTLEFS_WRITE_SIZE) and block_cycles 512 (a metadata pair erased
///   512 times is moved to other blocks: dynamic wear levelling over the partition);
/// - records this small are inline files: their data is a commit in the directory's metadata log (littlefs SPEC.md,
///   "inline struct"); a full log block is compacted into its pair's other block, one erase per block filled;
/// - a file stays inline only up to inline_max = min(cache_size, attr_max, block_size / 8) bytes (littlefs-project/littlefs
///   lfs.c, lfs_init; esp_littlefs's cache is 512 bytes by default, CONFIG_LITTLEFS_CACHE_SIZE in its README): 512 bytes.
///   A larger record (the sound dose's 692 bytes) lives in a data block of its own, copied on write: each write programs
///   a freshly allocated block (one erase; littlefs's allocator walks round the partition, so these spread too) and
///   commits only the file's block pointer to the metadata log;
/// - SPI NOR flash of Espressif's modules is specified for at least 100,000 program/erase cycles per sector (Espressif,
///   esp32.com "How many times can you flash?"; e.g. Winbond W25Q32JV datasheet: more than 100,000 erase/program cycles).
/// Assumed, and erring long on the log: File.WriteAllBytes costs two commits (the create/truncate and the close with
/// the data), each with 40 bytes of tags, CRC and the 4-byte mtime attribute, padded to the 128-byte program size.
/// </summary>
public static class FlashWear
{
    public const int EraseCycles = 100_000;
    public const int BlockBytes = 4096;
    public const int ProgramBytes = 128;
    public const int PartitionBlocks = 0x40000 / BlockBytes;
    /// <summary>The superblock anchor pair (blocks 0 and 1) stays put; littlefs expands it rather than rewriting it.</summary>
    public const int AnchorBlocks = 2;
    public const int CommitsPerWrite = 2;
    public const int CommitOverheadBytes = 40;
    const double DaysPerYear = 365.25;
    public const int InlineMaxBytes = BlockBytes / 8;
    /// <summary>littlefs's CTZ struct in the metadata: head block and size, two 32-bit words (SPEC.md "CTZ struct").</summary>
    public const int CtzStructBytes = 8;

    /// <summary>Metadata log bytes one whole-file write appends.</summary>
    public static int LogBytesPerWrite(int recordBytes, int nameLength)
    {
        int truncate = RoundUp(CommitOverheadBytes + nameLength);
        int data = RoundUp(CommitOverheadBytes + nameLength + recordBytes);
        return (CommitsPerWrite - 1) * truncate + data;
    }

    /// <summary>
    /// Block erases a day of the whole partition: the log filled, less what compaction carries over (live records), plus
    /// one data block a write for each record too large to be inline.
    /// </summary>
    public static double ErasesPerDay(IEnumerable<FileUse> files)
    {
        double logBytes = 0, live = 0, dataBlocks = 0;
        foreach (var f in files)
        {
            int record = (int)Math.Ceiling(f.BytesPerWrite);
            if (record > InlineMaxBytes)
            {
                dataBlocks += f.WritesPerDay;
                record = CtzStructBytes; // only the pointer to the data block is in the log
            }
            logBytes += f.WritesPerDay * LogBytesPerWrite(record, f.Name.Length);
            live += CommitOverheadBytes + f.Name.Length + record;
        }
        return logBytes / Math.Max(ProgramBytes, BlockBytes - live) + dataBlocks;
    }

    /// <summary>Years until the partition's blocks reach their rated cycles, the erases spread over every block but the anchor.</summary>
    public static double LevelledYears(double erasesPerDay) =>
        erasesPerDay <= 0 ? double.PositiveInfinity : (double)EraseCycles * (PartitionBlocks - AnchorBlocks) / erasesPerDay / DaysPerYear;

    /// <summary>The worst case: no file-system levelling, every write of the file erases its own sector.</summary>
    public static double UnlevelledYears(double writesPerDay) =>
        writesPerDay <= 0 ? double.PositiveInfinity : EraseCycles / writesPerDay / DaysPerYear;

    static int RoundUp(int bytes) => (bytes + ProgramBytes - 1) / ProgramBytes * ProgramBytes;
}
