using System;
using System.Collections.Generic;
using System.Linq;
using AmpController.Core.Acoustics;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;
using AmpController.Simulator.Soak;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using K = AmpController.Simulator.Board.BoardFaultKind;
using D = AmpController.Simulator.Board.FaultDevice;

namespace AmpController.Tests.Control;

/// <summary>
/// Issue 19's four ways past the cap and its "Also" items, each with its variants, on the simulated board through the
/// BoardChecker: after EVERY tick the level from the simulated chips' real state and the headphone's true sensitivity
/// is ≤ the limit (S4), the relay never closes onto an unmuted, unverified or unpowered chip (S1, S6), short, open and
/// line plugs never close it (S7), and music comes back once the faults stop. The scenario files of
/// tests/scenarios/issue19 run the same cases through `ampsim run` (Issue19ScenarioTests).
/// </summary>
[TestClass]
public class Issue19RegressionTests
{
    private const int Limit = 85;

    /// <summary>A headphone rated in dB/mW: each ear converts at its own impedance (docs/design.md §5).</summary>
    private static HeadphoneLoad PerMw(double leftOhm, double rightOhm, double dbPerMw) =>
        new(leftOhm, rightOhm, dbPerMw + 10 * Math.Log10(1000 / leftOhm), DbPerMw: dbPerMw);

    private static BoardChecker Run(BoardConfig config, params BoardOp[] ops)
    {
        var checker = new BoardChecker(config);
        checker.Run(ops);
        return checker;
    }

    // ---- 1. A stored profile on a different, more sensitive headphone ----

    public static IEnumerable<object[]> MismatchedProfiles => new[]
    {
        // The issue's two cases, then the ±5 % window's edges, a mono plug and an unbalanced one at the profile.
        new object[] { "Edition XS on a 119 dB/mW IEM", new ProfileSpec("Edition XS", 18, 92, SensitivityUnit.DbPerMw), PerMw(17, 17, 119) },
        new object[] { "HD 600 profile on an HD 650", new ProfileSpec("HD600", 290, 97, SensitivityUnit.DbPerV), new HeadphoneLoad(290, 290, 103) },
        new object[] { "profile 4.5 % above the reading", new ProfileSpec("near", 36 * 1.045, 95, SensitivityUnit.DbPerMw), PerMw(36, 36, 125) },
        new object[] { "profile 4.5 % below the reading", new ProfileSpec("near", 36 * 0.955, 95, SensitivityUnit.DbPerMw), PerMw(36, 36, 125) },
        new object[] { "mono plug at the profile", new ProfileSpec("mono", 32, 90, SensitivityUnit.DbPerMw), PerMw(32, 0.3, 120) },
        new object[] { "channels 8 % apart", new ProfileSpec("worn", 32, 90, SensitivityUnit.DbPerMw), PerMw(32, 34.6, 120) },
    };

    [TestMethod]
    [DynamicData(nameof(MismatchedProfiles))]
    public void S2_S4_S12_a_matching_profile_never_lifts_the_cap_without_the_long_press(string what, ProfileSpec profile, HeadphoneLoad load)
    {
        foreach (var chip in new[] { VolumeChipChoice.Ds1882, VolumeChipChoice.Pt2258 })
            for (int seed = 1; seed <= 4; seed++)
            {
                var checker = Run(new BoardConfig(Seed: seed, VolumeChip: chip, Profiles: new[] { profile }),
                    new InsertOp(20, load, load.RightOhm < 2 ? "mono" : "headphone"), new TurnOp(150, 80),
                    new MuteOp(100), new MuteOp(50), new TurnOp(50, 80));
                Assert.IsTrue(checker.MaxSplSeen <= Limit, $"{what}, {chip}, seed {seed}: {checker.MaxSplSeen:F1} dBA");
                Assert.AreEqual(0, checker.Profiles.ConfirmedTicks, $"{what}: confirmed without the long press");
            }
    }

    /// <summary>
    /// S12's residual (docs/safety.md): a listener who confirms the wrong headphone's profile hears the limit plus the
    /// sensitivity difference, no more (the cap is the profile's cap at the limit).
    /// </summary>
    [TestMethod]
    public void S12_a_wrong_profile_confirmed_by_the_long_press_is_over_the_limit_by_at_most_the_sensitivity_difference()
    {
        var profile = new ProfileSpec("Edition XS", 18, 92, SensitivityUnit.DbPerMw);
        var iem = PerMw(17.5, 17.5, 119); // within ±5 % of the profile's 18 ohm (17 ohm is 5.6 % off: no match)
        double differenceDb = 119 - 92 + 10 * Math.Log10(18 / 17.5); // dB/V of each at its own impedance
        for (int seed = 1; seed <= 4; seed++)
        {
            var checker = Run(new BoardConfig(Seed: seed, Profiles: new[] { profile }),
                new InsertOp(20, iem, "headphone"), new PressOp(80, 2000), new TurnOp(250, 80));
            Assert.IsTrue(checker.Profiles.WrongConfirmedTicks > 0, "the listener's confirmation is in force");
            Assert.IsTrue(checker.Profiles.WorstOverLimitDb <= differenceDb + 0.5,
                $"seed {seed}: {checker.Profiles.WorstOverLimitDb:F1} dB over the limit, difference {differenceDb:F1} dB");
        }
    }

    // ---- 2. ADC spike bursts in the end-zero (and anywhere else) of the measurement ----

    [TestMethod]
    public void S4_S7_a_spike_burst_of_any_length_anywhere_in_the_measurement_never_makes_a_36_ohm_IEM_match_a_50_ohm_profile()
    {
        var fifty = new ProfileSpec("fifty", 50, 100, SensitivityUnit.DbPerMw);
        var iem = PerMw(36, 36, 125);
        int cases = 0;
        foreach (int length in new[] { 1, 5, 16, 48, 96, 200, 1000, 3000 })
            for (int atTick = 0; atTick <= 16; atTick++)
            {
                var checker = new BoardChecker(new BoardConfig(Seed: 100 + atTick, Profiles: new[] { fifty }));
                checker.Play(new InsertOp(20, iem, "headphone"));
                // debounce 40 ms, then the 80 ms measurement: bursts start at every tick of it and run past its end
                checker.Play(new FaultOp(atTick, new FaultSpec(K.AdcSpike, D.Sense, length)));
                for (int i = 0; i < 100; i++)
                {
                    checker.Tick();
                    Assert.AreNotEqual("fifty", checker.Board.Snapshot().Offer, $"burst {length} at tick {atTick}: a wrong reading matched");
                }
                checker.Play(new PressOp(0, 2000));
                checker.Run(new BoardOp[] { new TurnOp(250, 80) });
                Assert.AreEqual(0, checker.Profiles.ConfirmedTicks, $"burst {length} at tick {atTick}");
                cases++;
            }
        Assert.AreEqual(8 * 17, cases);
    }

    [TestMethod]
    [DataRow("short", 0.2)]
    [DataRow("short", 1.4)]
    [DataRow("open", 1e7)]
    [DataRow("line", 10_000.0)]
    public void S7_spike_bursts_never_close_the_relay_on_a_short_an_open_or_a_line_plug(string what, double ohm)
    {
        foreach (int length in new[] { 1, 5, 16, 96, 500, 3000 })
            for (int atTick = 0; atTick <= 14; atTick += 2)
                // the checker fails the tick the relay closes on this load (S7)
                Run(new BoardConfig(Seed: 200 + atTick, VolumeChip: atTick % 4 == 0 ? VolumeChipChoice.Pt2258 : VolumeChipChoice.Ds1882),
                    new InsertOp(20, new HeadphoneLoad(ohm, ohm, double.NaN), what),
                    new FaultOp(atTick, new FaultSpec(K.AdcSpike, D.Sense, length)), new TurnOp(100, 30));
    }

    // ---- 3. The load changes while the jack switch stays closed ----

    [TestMethod]
    [DataRow(0)]
    [DataRow(37)]
    [DataRow(300)]
    public void S4_S7_a_15_ohm_IEM_swapped_in_behind_an_adapter_is_cut_within_the_load_watchs_bound(int afterTicks)
    {
        var profile = new ProfileSpec("DT880-600", 600, 96, SensitivityUnit.DbPerMw);
        for (int seed = 1; seed <= 4; seed++)
        {
            var checker = Run(new BoardConfig(Seed: seed, Profiles: new[] { profile }),
                new InsertOp(20, PerMw(600, 600, 96), "headphone"), new PressOp(80, 2000), new TurnOp(250, 40),
                new SwapOp(100 + afterTicks, PerMw(15, 15, 119), "headphone"), new TurnOp(100, 10));
            Assert.AreEqual(1, checker.Swaps.Swaps);
            Assert.AreEqual(1, checker.Swaps.DangerousSwaps, $"seed {seed}: the IEM meets the 600 ohm profile's cap far over the limit");
            Assert.IsTrue(checker.Swaps.WorstOverLimitMs <= SwapJudge.OverLimitBoundMs, $"seed {seed}: {checker.Swaps.WorstOverLimitMs} ms");
            Assert.IsTrue(checker.Board.Controller.LoadChangeCount >= 1, $"seed {seed}: the watch never saw the swap");
        }
    }

    [TestMethod]
    public void S4_S7_a_load_swapped_while_a_fault_holds_the_relay_open_is_judged_when_the_recovery_closes_it()
    {
        for (int seed = 1; seed <= 6; seed++)
            Run(new BoardConfig(Seed: seed),
                new InsertOp(20, new HeadphoneLoad(300, 300, 97), "headphone"), new TurnOp(250, 40),
                new FaultOp(50, new FaultSpec(K.Nack, D.Volume, 5)),
                new SwapOp(3, PerMw(32, 32, 110), "headphone"), new TurnOp(150, 20));
    }

    // ---- 4. PT2258 supply events at insertion, in the ramp and while playing ----

    [TestMethod]
    public void S1_S4_S6_a_PT2258_reset_or_power_cycle_of_any_length_at_any_moment_never_plays_over_the_limit()
    {
        int cases = 0;
        foreach (int durationMs in new[] { 0, 5, 10, 30, 49, 50, 51, 60, 120, 400 })
            for (int atTick = 0; atTick <= 40; atTick += 3)
            {
                var kind = durationMs == 0 ? K.ChipReset : K.PowerCycle;
                Run(new BoardConfig(Seed: 300 + atTick, VolumeChip: VolumeChipChoice.Pt2258),
                    new InsertOp(60, PerMw(17, 17, 119), "headphone"),
                    new FaultOp(atTick, new FaultSpec(kind, D.Volume, 1, durationMs)),
                    new TurnOp(80, 60), new FaultOp(7, new FaultSpec(kind, D.Volume, 1, durationMs)));
                cases++;
            }
        Assert.AreEqual(10 * 14, cases);
    }
}
