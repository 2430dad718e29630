using System;
using System.Diagnostics;
using AmpController.Core.Sensing;
using AmpController.Simulator.Sense;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Sensing;

/// <summary>
/// Issue 19 (2): an ADC spike burst of any length at any point of a measurement, on any board, gives either the right
/// class with ohms within the accuracy goal (2 %, issue 12) or Uncertain — never a wrong confirmed value, never a wrong
/// class. Each case draws a new board (seed), a load, where the burst starts (ADC reads after Start) and how long it
/// is (1 read up to far past the end of the measurement). CsCheck prints the seed of a failing case; replay it with
/// AMP_PROPERTY_SEED=&lt;seed&gt;. AMP_PROPERTY_ITER sets the number of cases (default 400; the long run in
/// docs/safety.md uses 10 000).
/// </summary>
[TestClass]
public class SpikeBurstPropertyTests
{
    /// <summary>The accuracy goal of a confirmed reading (issue 12: ≤ 2 % from 8 to 600 Ω after calibration).</summary>
    public const double AccuracyGoal = 0.02;

    static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("AMP_PROPERTY_ITER"), out int n) && n > 0 ? n : 400;

    static string? Seed => Environment.GetEnvironmentVariable("AMP_PROPERTY_SEED");

    public sealed record BurstCase(int Board, SimSenseLoad Load, LoadClass Truth, int StartRead, int Length)
    {
        public override string ToString() => $"board {Board}, load {Load}, truth {Truth}, burst of {Length} from read {StartRead}";
    }

    static readonly Gen<(SimSenseLoad, LoadClass)> Loads = Gen.Frequency(
        (8, Gen.Double[0, 1].Select(u => (SimSenseLoad.Stereo(8 * Math.Pow(600 / 8.0, u)), LoadClass.Headphone))),
        (1, Gen.Select(Gen.Double[8, 600], Gen.Double[8, 600]).Select((l, r) => (new SimSenseLoad(l, r), LoadClass.Headphone))),
        (1, Gen.Double[8, 600].Select(o => (SimSenseLoad.Mono(o), LoadClass.Mono))),
        (1, Gen.Double[0, 1.6].Select(o => (SimSenseLoad.Stereo(o), LoadClass.Short))),
        (1, Gen.Double[6_000, 80_000].Select(o => (SimSenseLoad.Stereo(o), LoadClass.Line))),
        (1, Gen.Const((SimSenseLoad.Open, LoadClass.Open))));

    /// <summary>Burst lengths of every size: a few reads, a window's worth, a whole measurement and more.</summary>
    static readonly Gen<int> Lengths = Gen.Frequency((3, Gen.Int[1, 40]), (3, Gen.Int[41, 200]), (2, Gen.Int[201, 1000]));

    static readonly Gen<BurstCase> Cases =
        Gen.Select(Gen.Int[0, int.MaxValue - 1], Loads, Gen.Int[0, 600], Lengths)
            .Select((board, load, start, length) => new BurstCase(board, load.Item1, load.Item2, start, length));

    [TestMethod]
    public void S7_spike_bursts_of_any_length_at_any_point_give_the_right_reading_or_uncertain_on_any_board()
    {
        var watch = Stopwatch.StartNew();
        int uncertain = 0, right = 0;
        double worst = 0;
        try
        {
            Cases.Sample(c =>
            {
                var rig = new SimSenseRig(c.Board);
                rig.Circuit.Plug(c.Load);
                rig.Circuit.Adc.ScheduleBurst(c.StartRead, c.Length);
                var r = rig.MeasurePlugged();
                if (r.Class == LoadClass.Uncertain) { uncertain++; return; }
                Assert.AreEqual(c.Truth, r.Class, $"{c}: read {r.Class} ({r.LeftClass}/{r.RightClass})");
                if (r.Class is LoadClass.Headphone or LoadClass.Mono)
                {
                    worst = Math.Max(worst, Check(r.LeftOhm, c.Load.LeftOhm, c, "left"));
                    if (r.Class == LoadClass.Headphone) worst = Math.Max(worst, Check(r.RightOhm, c.Load.RightOhm, c, "right"));
                }
                right++;
            }, iter: Iterations, seed: Seed, threads: 1);
        }
        catch (Exception e)
        {
            Console.WriteLine("Property failed; the CsCheck message below carries the seed (replay: AMP_PROPERTY_SEED=<seed>).");
            Console.WriteLine(e.Message);
            throw;
        }
        Console.WriteLine($"{Iterations} cases in {watch.ElapsedMilliseconds} ms: {right} right (worst ohm error {worst * 100:F2} %), {uncertain} uncertain");
    }

    static double Check(double read, double truth, BurstCase c, string channel)
    {
        double err = Math.Abs(read / truth - 1);
        Assert.IsTrue(err <= AccuracyGoal, $"{c}: {channel} read {read:F3} Ω for {truth:F3} Ω ({err * 100:F2} %)");
        return err;
    }
}
