using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;
using AmpController.Simulator.Soak;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using K = AmpController.Simulator.Board.BoardFaultKind;
using D = AmpController.Simulator.Board.FaultDevice;

namespace AmpController.Tests.Control;

/// <summary>
/// Issue 16 properties (S12, S13) through the one BoardChecker (Simulator/Soak, TierJudge): a headphone turned up to the
/// cap, then turns, short and long presses (inside and outside the 10 s after the warning), plugs, swaps, faults, power
/// cuts and hung loops, on a new board seed per case. After every tick, from the simulated chips' real state: the
/// acknowledged tier is never in force without a long press begun within 10 s after the warning (since the last
/// insertion, fault and reboot), the level never exceeds the tier's ceiling, and outside the tier never the default
/// limit; across power cuts and watchdog reboots the dose never falls below the stored record. CsCheck prints the seed
/// of a failing case (replay: AMP_PROPERTY_SEED=...); AMP_PROPERTY_ITER sets the number of cases.
/// </summary>
[TestClass]
public class TierPropertyTests
{
    private static int? IterationsSet => ControllerPropertyTests.IterationsSet;

    /// <summary>Long presses: just below and above 1500 ms and well above; after delays inside and beyond the 10 s window.</summary>
    private static readonly Gen<BoardOp> Press =
        Gen.Select(Gen.Frequency((3, Gen.Int[0, 150]), (1, Gen.Int[150, 1200])), Gen.Frequency((1, Gen.Int[30, 400]), (1, Gen.Int[1400, 1600]), (3, Gen.Int[1500, 4000])))
            .Select((d, hold) => (BoardOp)new PressOp(d, hold));

    private static readonly Gen<BoardOp> Turn =
        Gen.Select(Gen.Int[0, 300], Gen.Frequency((3, Gen.Int[1, 40]), (1, Gen.Int[-30, -1]))).Select((d, n) => (BoardOp)new TurnOp(d, n));

    /// <summary>Power cuts of the whole board and hung loops (the watchdog reboots): the dose comes back from flash.</summary>
    private static readonly Gen<BoardOp> Cut =
        Gen.Select(Gen.Int[0, 300], Gen.Frequency((2, Gen.Int[10, 500].Select(ms => new FaultSpec(K.PowerCycle, D.Board, 1, ms))),
                (1, Gen.Const(new FaultSpec(K.Stall, D.Board, 1, 1500)))))
            .Select((d, f) => (BoardOp)new FaultOp(d, f));

    public static readonly Gen<BoardScript> TierScript =
        Gen.Select(Gen.Int[1, int.MaxValue], Gen.OneOf(VolumeChipChoice.Ds1882, VolumeChipChoice.Pt2258), Gen.Int[70, 100], Gen.Int[85, 100])
            .SelectMany((seed, chip, limit, ackLimit) => Gen.Select(BoardGen.Headphone, Gen.Int[40, 100], Gen.Int[20, 80],
                    Gen.Frequency((4, Press), (3, Turn), (3, BoardGen.Op), (1, Cut)).Array[2, 14])
                .Select((load, wait, up, more) => new BoardScript(seed, chip, limit, Math.Min(70, limit), [],
                    new BoardOp[] { new InsertOp(0, load, "headphone"), new TurnOp(wait, up) }.Concat(more).ToArray(), ackLimit)));

    /// <summary>Minutes of listening between power cuts, so dose records are written (one per 10 min) and cut around.</summary>
    public static readonly Gen<BoardScript> DoseScript =
        Gen.Select(Gen.Int[1, int.MaxValue], Gen.OneOf(VolumeChipChoice.Ds1882, VolumeChipChoice.Pt2258), Gen.Int[80, 100])
            .SelectMany((seed, chip, limit) => Gen.Select(BoardGen.Headphone, Gen.Int[20, 60],
                    Gen.Select(Gen.Int[30_000, 90_000], Gen.Int[0, 60], Gen.Frequency((3, Cut), (1, Press), (1, Turn)))
                        .Select((listen, up, op) => new BoardOp[] { new TurnOp(listen, up), op }).Array[2, 5])
                .Select((load, up, segments) => new BoardScript(seed, chip, limit, Math.Min(70, limit), [],
                    new BoardOp[] { new InsertOp(0, load, "headphone"), new TurnOp(50, up) }.Concat(segments.SelectMany(x => x)).ToArray())));

    [TestMethod]
    public void S12_S4_the_acknowledged_tier_only_after_a_long_press_at_the_cap_and_never_above_its_ceiling()
    {
        var r = Run(TierScript, IterationsSet ?? 250);
        Assert.IsTrue(r.Unlocks >= 10, $"the generator reached the tier only {r.Unlocks} times: the property would be vacuous");
        Assert.IsTrue(r.TierTicks > 0);
    }

    [TestMethod]
    public void S13_the_dose_never_falls_below_the_stored_record_across_power_cuts()
    {
        var r = Run(DoseScript, IterationsSet ?? 12);
        Assert.IsTrue(r.PowerCuts >= 10, $"only {r.PowerCuts} power cuts judged");
        Assert.IsTrue(r.MostLostPercent >= 0);
    }

    private sealed record Figures(int Unlocks, long TierTicks, int PowerCuts, double MostLostPercent);

    private static Figures Run(Gen<BoardScript> gen, int iterations)
    {
        var watch = Stopwatch.StartNew();
        long ticks = 0, tierTicks = 0;
        int cases = 0, unlocks = 0, cuts = 0;
        double loudestInTier = double.NegativeInfinity, lost = 0, maxDose = 0;
        var seeds = new HashSet<int>();
        ControllerPropertyTests.Sample(gen, iterations, script =>
        {
            var checker = new BoardChecker(script.Config);
            checker.Run(script.Ops);
            cases++;
            seeds.Add(script.Seed);
            ticks += checker.Ticks;
            unlocks += checker.Tier.Unlocks;
            tierTicks += checker.Tier.TierTicks;
            cuts += checker.Tier.PowerCutsJudged;
            loudestInTier = Math.Max(loudestInTier, checker.Tier.LoudestInTierDbA);
            lost = Math.Max(lost, checker.Tier.MostDoseLostPercent);
            maxDose = Math.Max(maxDose, checker.Board.Controller.DosePercent);
        });
        Assert.AreEqual(iterations, cases);
        Console.WriteLine($"{cases} cases on {seeds.Count} board seeds, {ticks} ticks checked in {watch.ElapsedMilliseconds} ms, 0 failures; " +
            $"{unlocks} tier unlocks, {tierTicks} ticks playing in the tier, loudest real level in it {loudestInTier:F1} dBA; " +
            $"{cuts} power cuts/reboots judged, at most {lost:F4} % of the weekly dose lost by one (highest dose {maxDose:F3} %)");
        return new Figures(unlocks, tierTicks, cuts, lost);
    }
}
