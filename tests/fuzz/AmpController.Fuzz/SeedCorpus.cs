using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AmpController.Core.Acoustics;
using AmpController.Core.Sensing;
using AmpController.Core.Storage;
using AmpController.Core.Supervision;
using AmpController.Simulator.Platform;
using AmpController.Simulator.Scenario;

namespace AmpController.Fuzz;

/// <summary>
/// Writes the seed corpus (tests/fuzz/corpus/TARGET/) from real inputs: records the firmware itself writes, the
/// console lines of docs/console.md and the S10 tests, and the built-in scenarios. `ampfuzz corpus DIR`.
/// </summary>
public static class SeedCorpus
{
    public static void Write(string dir, string repoRoot)
    {
        Put(dir, "settings", SettingsSeeds());
        Put(dir, "calibration", CalibrationSeeds());
        Put(dir, "bootcounter", BootCounterSeeds());
        Put(dir, "dose", DoseOracle.Seeds());
        Put(dir, "console", ConsoleSeeds().Select(l => Encoding.ASCII.GetBytes(l)));
        Put(dir, "scenario", ScenarioFiles.BuiltInNames.Select(n => Encoding.UTF8.GetBytes(ScenarioFiles.BuiltInText(n)))
            .Concat(Directory.GetFiles(Path.Combine(repoRoot, "tests", "scenarios"), "*.json", SearchOption.AllDirectories)
                .Order().Take(20).Select(File.ReadAllBytes)));
    }

    static void Put(string dir, string target, IEnumerable<byte[]> seeds)
    {
        string folder = Path.Combine(dir, target);
        Directory.CreateDirectory(folder);
        int i = 0;
        foreach (var seed in seeds) File.WriteAllBytes(Path.Combine(folder, $"seed-{i++:D3}"), seed);
    }

    /// <summary>The two files a storage target reads, as its input: first byte = length of copy A.</summary>
    static byte[] Pair(byte[]? a, byte[]? b)
    {
        a ??= [];
        b ??= [];
        return [(byte)a.Length, .. a, .. b];
    }

    static IEnumerable<byte[]> Saved(Action<SimFileStore> save, string nameA, string nameB)
    {
        var flash = new SimFileStore();
        save(flash);
        yield return Pair(flash.ReadAll(nameA), flash.ReadAll(nameB));
    }

    static IEnumerable<byte[]> SettingsSeeds()
    {
        var plain = new Settings();
        var full = new Settings();
        full.TrySetLimit(92);
        full.TrySetSafeDefault(75);
        full.TrySetVolumeChip(VolumeChipChoice.Pt2258);
        full.TryAddProfile(new StoredProfile("HD600", 3000, 970, SensitivityUnit.DbPerV));
        full.TryAddProfile(new StoredProfile("IEM-10", 100, 1190, SensitivityUnit.DbPerMw));
        full.SetUserMuted(true);
        foreach (var s in new[] { plain, full })
        {
            yield return SettingsCodec.EncodeRecord(s, 7);
            foreach (var pair in Saved(f => { var st = new SettingsStore(f); st.Save(plain); st.Save(s); }, SettingsStore.DefaultNameA, SettingsStore.DefaultNameB))
                yield return pair;
        }
    }

    /// <summary>A plausible factory calibration (SenseCalibration's ranges).</summary>
    static IEnumerable<byte[]> CalibrationSeeds()
    {
        var c = new SenseCalibration { LeftGain = 0.987654, LeftSeriesOhm = 240.234, RightGain = 1.012345, RightSeriesOhm = 239.876 };
        return Saved(f => new SenseCalibrationStore(f).Save(c), SenseCalibrationStore.NameA, SenseCalibrationStore.NameB)
            .Append(SenseCalibrationStore.Encode(c));
    }

    static IEnumerable<byte[]> BootCounterSeeds()
    {
        foreach (int count in new[] { 1, 3, 250 })
            foreach (var pair in Saved(f =>
                     {
                         var g = new BootLoopGuard(f);
                         g.Load();
                         for (int i = 0; i < count; i++) g.RecordUnexpectedReboot();
                     }, BootLoopGuard.NameA, BootLoopGuard.NameB))
                yield return pair;
    }

    /// <summary>Commands of docs/console.md, good and bad (each seed a session of lines as typed on the UART).</summary>
    static IEnumerable<string> ConsoleSeeds() =>
    [
        "help\r\n", "status\r\n", "limit 90\r\nsafe 72\r\nsave\r\n", "profile add HD600 300 97 dB/V\nprofile list\n",
        "profile add IEM-10 10 119 dB/mW\r\nprofile del IEM-10\r\n", "chip pt2258\nchip ds1882\n", "vol +3\nvol -10\nmute\nunmute\n",
        "safemode off\n", "limit 101\nlimit NaN\nlimit 1e2\nsafe 85\n", "profile add x 0x5A 97 dB/V\n", "bogus command here\n",
        "limit 8\b90\r\n", new string('a', 120) + "\n",
    ];
}
