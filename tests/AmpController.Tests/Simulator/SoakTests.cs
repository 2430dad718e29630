using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using AmpController.Core.Control;
using AmpController.Core.Sensing;
using AmpController.Simulator.Board;
using AmpController.Simulator.Commands;
using AmpController.Simulator.Soak;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Simulator;

/// <summary>
/// Issue 18 item 4: `ampsim soak`. A short soak in the suite (the week-long one is documented in docs/safety.md), and
/// the proof that it can fail: a deliberately broken policy is caught, with a seed that replays the same violation.
/// </summary>
[TestClass]
public class SoakTests
{
    /// <summary>Short enough for the suite: 4 seeds (both chips) × 15 simulated minutes.</summary>
    const double Hours = 0.25;

    /// <summary>
    /// Violations the short soak finds today, each a documented finding (docs/safety.md "Reliability figures"), not
    /// fixed: seed 3 confirms the MDR-7506 profile while the music is too quiet for the load watch to learn a baseline,
    /// then a 24 Ω 119 dB/V headphone is swapped in behind an adapter; the watch learns the new load as the baseline
    /// (within ×5 of the insertion's DC reading), the profile's cap stays in force and the listener reaches 86.01 dBA at
    /// an 86 dBA limit. The list is exact: a new violation fails this test, and so does the finding's fix (then delete
    /// the entry and the docs paragraph).
    /// </summary>
    static readonly (int Seed, string Rule, long TMs)[] KnownFindings = [(3, "S4", 257_630)];

    [TestMethod]
    public void S1_to_S8_a_short_soak_on_both_volume_chips_breaks_no_rule_beyond_the_documented_finding()
    {
        var found = new System.Collections.Generic.List<(int, string, long)>();
        for (int seed = 1; seed <= 4; seed++)
        {
            var r = SoakRunner.Run(Hours, seeds: 1, firstSeed: seed);
            Console.WriteLine($"seed {seed}: {r.Ticks:N0} ticks in {r.WallSeconds:F1} s, {r.Violations} violations, music {100.0 * r.PlayingTicks / r.Ticks:F0} %, " +
                              $"loudest {r.HighestAboveLimitDb:F2} dB against the limit, {r.FlashWritesPerDay:F0} flash writes/day");
            if (r.FirstViolation is { } v)
            {
                Console.WriteLine(v.Message);
                found.Add((v.Seed, v.Rule, v.TMs));
            }
            Assert.IsTrue(r.Violations <= 1, $"seed {seed}: {r.Violations} violations");
            Assert.IsTrue(r.Ticks >= Hours * 360_000, $"{r.Ticks} ticks: the seed runs its hours, each tick checked");
            Assert.IsTrue(r.PlayingTicks > r.Ticks / 10, $"music only {r.PlayingTicks} of {r.Ticks} ticks: the soak must test playing");
        }
        CollectionAssert.AreEqual(KnownFindings, found, "violations beyond the documented finding (or the finding fixed: update the list and docs/safety.md)");
    }

    /// <summary>
    /// A deliberately broken S4: the controller is wired (through the board's test seam, not a firmware flag) to a
    /// policy whose cap is the attenuator's top (0 dB), so the controller's clamp to the cap never bites.
    /// </summary>
    sealed class NoCapPolicy(ICapPolicy inner) : ICapPolicy
    {
        public void Decide(SenseResult sense, GainDecision into)
        {
            inner.Decide(sense, into);
            into.CapDb = 0;
            if (into.Offered) into.OfferCapDb = 0;
        }
    }

    static SimulatedBoard Broken(BoardConfig config) => new(config, policy => new NoCapPolicy(policy));

    [TestMethod]
    public void S4_a_controller_without_its_cap_fails_the_soak_with_a_seed_that_replays_the_violation()
    {
        var r = SoakRunner.Run(Hours, seeds: 4, createBoard: Broken);
        Assert.IsTrue(r.Violations > 0, "the soak must catch a controller without its cap");
        var first = r.FirstViolation!;
        Assert.AreEqual("S4", first.Rule, first.Message);
        var replay = SoakRunner.Run(Hours, seeds: 1, firstSeed: first.Seed, createBoard: Broken);
        Assert.AreEqual(first, replay.FirstViolation, "the seed replays exactly the same violation");
        var healthy = SoakRunner.Run(Hours, seeds: 1, firstSeed: first.Seed);
        var known = KnownFindings.Where(k => k.Seed == first.Seed).ToArray();
        Assert.AreEqual(known.Length, healthy.Violations, "and the same seed on the real controller breaks nothing beyond the documented finding");
        if (known.Length > 0) Assert.AreNotEqual((known[0].Rule, known[0].TMs), (first.Rule, first.TMs), "the broken controller's violation is its own");
    }

    [TestMethod]
    public void Soak_json_has_the_contract_fields_and_exit_1_names_the_seed()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new SoakCommand().Run(["--hours", "0.02", "--seeds", "2", "--json"], stdout, stderr);
        Assert.AreEqual(0, code, stderr.ToString());
        using var doc = JsonDocument.Parse(stdout.ToString());
        var root = doc.RootElement;
        Assert.AreEqual(0.02, root.GetProperty("simulatedHours").GetDouble());
        Assert.AreEqual(2, root.GetProperty("seeds").GetInt32());
        Assert.IsTrue(root.GetProperty("ticks").GetInt64() >= 2 * 7200);
        Assert.AreEqual(0, root.GetProperty("violations").GetInt32());
        Assert.AreEqual(JsonValueKind.Null, root.GetProperty("firstViolation").ValueKind);
        var wear = root.GetProperty("flashWear");
        Assert.IsTrue(wear.GetProperty("erasesPerDay").GetDouble() > 0, "boots write the boot counter: the soak counts flash writes");
        Assert.IsTrue(root.GetProperty("flashWritesPerDayByFile").EnumerateObject().Any(), "writes are counted per file");

        stdout = new StringWriter();
        stderr = new StringWriter();
        code = new SoakCommand(Broken).Run(["--hours", $"{Hours}", "--seeds", "4", "--json"], stdout, stderr);
        Assert.AreEqual(1, code);
        using var failed = JsonDocument.Parse(stdout.ToString());
        var v = failed.RootElement.GetProperty("firstViolation");
        StringAssert.Contains(stderr.ToString(), $"seed {v.GetProperty("seed").GetInt32()} (replay: ampsim soak --hours {Hours} --first-seed");
    }

    [TestMethod]
    public void A_soak_stopped_early_reports_the_hours_it_covered_and_says_so()
    {
        using var stop = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(2));
        var r = SoakRunner.Run(168, seeds: 2, stop: stop.Token);
        Assert.IsTrue(r.Interrupted);
        Assert.IsTrue(r.SimulatedHoursDone > 0 && r.SimulatedHoursDone < 2 * 168, $"{r.SimulatedHoursDone} h");
        // Every 10 ms tick of the hours covered was checked (operations may end a little past the stop).
        Assert.AreEqual(r.SimulatedHoursDone * 360_000, r.Ticks, 2 * 121 + 1000, "ticks checked against hours covered");
    }

    [TestMethod]
    [DataRow("--hours", "0")]
    [DataRow("--hours", "NaN")]
    [DataRow("--seeds", "0")]
    [DataRow("--first-seed", "-1")]
    public void Soak_bad_options_are_exit_2_with_one_line(string option, string value)
    {
        var stderr = new StringWriter();
        int code = new SoakCommand().Run([option, value], new StringWriter(), stderr);
        Assert.AreEqual(2, code);
        Assert.AreEqual(1, stderr.ToString().TrimEnd('\n').Split('\n').Length, stderr.ToString());
    }
}
