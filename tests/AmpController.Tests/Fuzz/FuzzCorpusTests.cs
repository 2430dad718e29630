using System;
using System.IO;
using System.Linq;
using AmpController.Fuzz;
using AmpController.Tests.Acoustics;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Fuzz;

/// <summary>
/// Issue 18 item 1, in the suite without AFL: every committed seed of tests/fuzz/corpus passes its target's oracles,
/// and so do byte-level mutations of them (flips, cuts, repeats: a cheap stand-in for the coverage-guided run that
/// tests/fuzz.sh does with AFL++). The oracles themselves are shown to fire on inputs made to break them.
/// </summary>
[TestClass]
public class FuzzCorpusTests
{
    static string Corpus(string target) => Path.Combine(HeadphonesCsv.RepoRoot, "tests", "fuzz", "corpus", target);

    [TestMethod]
    public void Every_target_has_a_seed_corpus_and_every_seed_passes_its_oracles()
    {
        foreach (var (name, target) in FuzzTargets.All)
        {
            var files = Directory.GetFiles(Corpus(name));
            Assert.IsTrue(files.Length >= 2, $"{name}: seed corpus");
            foreach (var file in files)
                Assert.IsNull(Replay.Finding(target, File.ReadAllBytes(file)), $"{name}: {Path.GetFileName(file)}");
        }
    }

    [TestMethod]
    public void S9_S10_mutated_seeds_never_crash_and_never_break_an_oracle()
    {
        var random = new Random(18);
        int runs = 0;
        foreach (var (name, target) in FuzzTargets.All)
            foreach (var file in Directory.GetFiles(Corpus(name)).Order())
            {
                byte[] seed = File.ReadAllBytes(file);
                for (int i = 0; i < (name == "scenario" ? 10 : 200); i++)
                {
                    byte[] input = Mutate(seed, random);
                    string? finding = Replay.Finding(target, input);
                    Assert.IsNull(finding, $"{name}: mutation {i} of {Path.GetFileName(file)} ({Convert.ToBase64String(input)})");
                    runs++;
                }
            }
        Console.WriteLine($"{runs} mutated inputs, 0 findings");
    }

    static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = seed.ToList();
        for (int n = random.Next(1, 5); n > 0; n--)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0 when bytes.Count > 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1 when bytes.Count > 0: bytes[at] = (byte)random.Next(256); break;
                case 2: bytes.Insert(at, (byte)random.Next(256)); break;
                default: if (bytes.Count > 0) bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 8))); break;
            }
        }
        return bytes.ToArray();
    }

    [TestMethod]
    public void The_settings_oracle_fires_on_out_of_range_settings()
    {
        var s = new AmpController.Core.Storage.Settings();
        Assert.IsNull(SettingsOracle.Problem(s));
        s.SetLevelsClamped(100, 80);
        Assert.IsNull(SettingsOracle.Problem(s), "the top of the ranges is in range");
        Assert.ThrowsExactly<OracleFailure>(() => SettingsOracle.Check(new BrokenSettings().Make(), "test"));
    }

    [TestMethod]
    public void S13_the_dose_oracle_fires_on_out_of_range_values_and_a_lost_copy()
    {
        var s = new AmpController.Core.Dose.DoseState();
        Assert.IsNull(DoseOracle.Problem(s));
        s.ClosedPpm[166] = -1;
        Assert.IsNotNull(DoseOracle.Problem(s), "a negative hour");
        s.ClosedPpm[166] = 0;
        s.RunningElapsedMs = (int)AmpController.Core.Dose.DoseMeter.MsPerHour;
        Assert.IsNotNull(DoseOracle.Problem(s), "a running hour past its end");
        // A real pair, the same pair with the newer copy corrupt (falls back to the older), and no files at all.
        var seed = DoseOracle.Seeds().Last();
        var (a, b) = DoseOracle.Split(seed);
        Assert.IsNotNull(a);
        Assert.IsNotNull(b);
        Assert.AreEqual(692, b!.Length, "header 8 + payload 680 + CRC 4");
        Assert.IsNull(Replay.Finding(DoseOracle.Run, DoseOracle.Join(a, b)));
        a![100] ^= 0x10; // the third write went to copy A: the newest copy is the corrupt one
        Assert.IsNull(Replay.Finding(DoseOracle.Run, DoseOracle.Join(a, b)));
        Assert.IsNull(Replay.Finding(DoseOracle.Run, DoseOracle.Join([], [])));
    }

    /// <summary>A Settings whose limit was forced past the range (reflection): what a decoding bug would produce.</summary>
    sealed class BrokenSettings
    {
        public AmpController.Core.Storage.Settings Make()
        {
            var s = new AmpController.Core.Storage.Settings();
            var field = typeof(AmpController.Core.Storage.Settings).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
                .First(f => f.Name.Contains("limit", StringComparison.OrdinalIgnoreCase));
            field.SetValue(s, 120);
            return s;
        }
    }
}
