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
    /// Findings the short soak measures today, each documented (docs/safety.md "Reliability figures"), not fixed: seed 3
    /// confirms the MDR-7506 profile while the music is too quiet for the load watch to learn a baseline, then a 24 Ω
    /// 119 dB/V headphone is swapped in behind an adapter; the watch learns the new load as the baseline, the profile's
    /// cap stays in force and the ear is above the 85 dBA limit in force (the board stores 86; S12) for 940 ms (0.01 dB) before the listener's next action. The
    /// checker counts it as a missed swap (SwapJudge: above the limit at the ear longer than its bound) with the seed and
    /// time that replay it, and holds it to the decision's assumed sensitivity. The list is exact: a new finding fails
    /// this test, and so does the finding's fix (then delete the entry and the docs paragraph).
    /// </summary>
    static readonly (int Seed, long TMs)[] KnownMissedSwaps = [(3, 257_520)];

    [TestMethod]
    public void S1_to_S8_a_short_soak_on_both_volume_chips_breaks_no_rule_and_finds_only_the_documented_swap()
    {
        var missed = new System.Collections.Generic.List<(int, long)>();
        for (int seed = 1; seed <= 4; seed++)
        {
            var r = SoakRunner.Run(Hours, seeds: 1, firstSeed: seed);
            var f = r.Findings;
            Console.WriteLine($"seed {seed}: {r.Ticks:N0} ticks in {r.WallSeconds:F1} s, {r.Violations} violations, music {100.0 * r.PlayingTicks / r.Ticks:F0} %, " +
                              $"loudest {r.HighestAboveLimitDb:F2} dB against the limit, {r.FlashWritesPerDay:F0} flash writes/day; {f.Swaps} swaps, " +
                              $"{f.DangerousSwaps} above the limit at the ear (at most {f.WorstSwapOverLimitMs} ms, {f.WorstSwapOverLimitDb:F2} dB), {f.MissedSwaps} missed");
            Assert.AreEqual(0, r.Violations, r.FirstViolation?.Message);
            Assert.IsTrue(r.Ticks >= Hours * 360_000, $"{r.Ticks} ticks: the seed runs its hours, each tick checked");
            Assert.IsTrue(r.PlayingTicks > r.Ticks / 10, $"music only {r.PlayingTicks} of {r.Ticks} ticks: the soak must test playing");
            Assert.IsTrue(f.Swaps > 0, "the soak swaps loads behind an adapter");
            Assert.AreEqual(f.MissedSwaps, f.Missed.Count, "each missed swap is listed with its seed");
            foreach (var m in f.Missed) missed.Add((m.Seed, m.TMs));
        }
        CollectionAssert.AreEqual(KnownMissedSwaps, missed, "missed swaps beyond the documented finding (or the finding fixed: update the list and docs/safety.md)");
    }

    [TestMethod]
    public void S4_S7_the_documented_missed_swap_replays_from_its_seed_and_is_in_the_json()
    {
        var (seed, tMs) = KnownMissedSwaps[0];
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new SoakCommand().Run(["--hours", $"{Hours}", "--first-seed", $"{seed}", "--seeds", "1", "--json"], stdout, stderr);
        Assert.AreEqual(0, code, "a missed swap is a finding, not a broken rule: " + stderr);
        using var doc = JsonDocument.Parse(stdout.ToString());
        var swaps = doc.RootElement.GetProperty("swaps");
        Assert.AreEqual(1, swaps.GetProperty("missed").GetInt32());
        var at = swaps.GetProperty("missedAt")[0];
        Assert.AreEqual(seed, at.GetProperty("seed").GetInt32());
        Assert.AreEqual(tMs, at.GetProperty("tMs").GetInt64());
        Assert.IsTrue(swaps.GetProperty("worstAboveLimitMs").GetInt64() > SwapJudge.OverLimitBoundMs);
        StringAssert.Contains(stderr.ToString(), $"finding: a swapped load above the limit for more than {SwapJudge.OverLimitBoundMs} ms, seed {seed} at {tMs} ms");
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
        Assert.AreEqual(0, healthy.Violations, "and the same seed on the real controller breaks no rule");
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
        Assert.AreEqual(0, root.GetProperty("violationsAt").GetArrayLength());
        var wear = root.GetProperty("flashWear");
        Assert.IsTrue(wear.GetProperty("erasesPerDay").GetDouble() > 0, "boots write the boot counter: the soak counts flash writes");
        Assert.IsTrue(root.GetProperty("flashWritesPerDayByFile").EnumerateObject().Any(), "writes are counted per file");
        var swaps = root.GetProperty("swaps");
        Assert.AreEqual(swaps.GetProperty("missed").GetInt32(), swaps.GetProperty("missedAt").GetArrayLength(), "issue 19: each missed swap with its seed");
        Assert.IsTrue(swaps.GetProperty("aboveLimit").GetInt32() <= swaps.GetProperty("count").GetInt32());
        Assert.IsTrue(root.GetProperty("wrongProfile").GetProperty("ticks").GetInt64() >= 0);

        stdout = new StringWriter();
        stderr = new StringWriter();
        code = new SoakCommand(Broken).Run(["--hours", $"{Hours}", "--seeds", "4", "--json"], stdout, stderr);
        Assert.AreEqual(1, code);
        using var failed = JsonDocument.Parse(stdout.ToString());
        var v = failed.RootElement.GetProperty("firstViolation");
        StringAssert.Contains(stderr.ToString(), $"seed {v.GetProperty("seed").GetInt32()} (replay: ampsim soak --hours {Hours} --first-seed");
        // Every violation is listed with its seed, rule and time, the first among them.
        var all = failed.RootElement.GetProperty("violationsAt");
        Assert.AreEqual(failed.RootElement.GetProperty("violations").GetInt32(), all.GetArrayLength());
        Assert.IsTrue(all.EnumerateArray().Any(e => e.GetProperty("seed").GetInt32() == v.GetProperty("seed").GetInt32()
            && e.GetProperty("tMs").GetInt64() == v.GetProperty("tMs").GetInt64() && e.GetProperty("rule").GetString() == v.GetProperty("rule").GetString()));
        StringAssert.Contains(stderr.ToString(), $"ampsim soak: violation: seed {v.GetProperty("seed").GetInt32()}, {v.GetProperty("rule").GetString()} at {v.GetProperty("tMs").GetInt64()} ms");
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
