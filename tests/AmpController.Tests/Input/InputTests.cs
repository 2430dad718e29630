using System;
using System.Collections.Generic;
using AmpController.Core.Input;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Input;

[TestClass]
public class InputTests
{
    // Gray-code states (A<<1|B) of one detent, from rest (3) back to rest: clockwise = louder.
    private static readonly int[] Clockwise = { 1, 0, 2, 3 };
    private static readonly int[] Counter = { 2, 0, 1, 3 };

    private static void Feed(QuadratureDecoder d, int state) => d.Sample((state & 2) != 0, (state & 1) != 0);

    /// <summary>Samples of one detent; every edge chatters `bounces` times between the old and the new state.</summary>
    private static List<int> DetentSamples(int direction, Random rnd, int maxBounces)
    {
        var seq = direction > 0 ? Clockwise : Counter;
        var samples = new List<int>();
        int previous = QuadratureDecoder.RestState;
        foreach (int s in seq)
        {
            int bounces = rnd.Next(maxBounces + 1);
            for (int i = 0; i < bounces; i++) { samples.Add(s); samples.Add(previous); }
            samples.Add(s);
            previous = s;
        }
        return samples;
    }

    [TestMethod]
    public void S11_each_clean_detent_is_exactly_one_step()
    {
        var d = new QuadratureDecoder();
        foreach (var s in Clockwise) Feed(d, s);
        Assert.AreEqual(1, d.TakeDetents());
        foreach (var s in Counter) Feed(d, s);
        foreach (var s in Counter) Feed(d, s);
        Assert.AreEqual(-2, d.TakeDetents());
        Assert.AreEqual(0, d.TakeDetents(), "taken once");
    }

    [TestMethod]
    public void S11_bounce_on_every_edge_still_gives_exactly_one_step_per_detent()
    {
        Gen.Select(Gen.Int[-1, 1].Where(x => x != 0).List[1, 40], Gen.Int, Gen.Int[0, 5])
            .Sample((dirs, seed, maxBounces) =>
            {
                var rnd = new Random(seed);
                var d = new QuadratureDecoder();
                int expected = 0;
                foreach (int dir in dirs)
                {
                    foreach (int s in DetentSamples(dir, rnd, maxBounces)) Feed(d, s);
                    expected += dir;
                }
                return d.TakeDetents() == expected;
            }, iter: 2000, seed: null);
    }

    [TestMethod]
    public void S11_half_a_detent_and_back_is_no_step()
    {
        var d = new QuadratureDecoder();
        Feed(d, 1); Feed(d, 0); Feed(d, 1); Feed(d, 3);
        Assert.AreEqual(0, d.TakeDetents());
        Feed(d, 1); Feed(d, 0); Feed(d, 2); Feed(d, 0); Feed(d, 1); Feed(d, 3);
        Assert.AreEqual(0, d.TakeDetents());
    }

    [TestMethod]
    public void S11_a_missed_sample_in_a_fast_turn_still_counts_the_detent()
    {
        var d = new QuadratureDecoder();
        Feed(d, 1); Feed(d, 2); Feed(d, 3); // 01 -> 10 is an invalid double change (counts 0)
        Assert.AreEqual(1, d.TakeDetents());
        Feed(d, 0); Feed(d, 1); Feed(d, 3);
        Assert.AreEqual(-1, d.TakeDetents());
    }

    [TestMethod]
    public void S11_a_single_transition_to_rest_is_not_a_detent()
    {
        var d = new QuadratureDecoder();
        Feed(d, 2); Feed(d, 3); Feed(d, 1); Feed(d, 3);
        Assert.AreEqual(0, d.TakeDetents());
    }

    [TestMethod]
    public void Debouncer_accepts_a_level_only_after_it_was_stable_long_enough()
    {
        var d = new Debouncer(40, false);
        Assert.AreEqual(40, d.StableMs);
        Assert.IsFalse(d.Update(true, 0));
        Assert.IsFalse(d.Update(true, 39));
        Assert.IsFalse(d.Value);
        Assert.IsTrue(d.Update(true, 40));
        Assert.IsTrue(d.Value);
        Assert.IsFalse(d.Update(true, 50), "no change reported twice");
        Assert.IsFalse(d.Update(false, 60));
        Assert.IsFalse(d.Update(true, 70));
        Assert.IsFalse(d.Update(false, 80));
        Assert.IsFalse(d.Update(false, 119));
        Assert.IsTrue(d.Update(false, 120));
        Assert.IsFalse(d.Value);
    }

    [TestMethod]
    public void Debouncer_reset_forces_the_level_at_once()
    {
        var d = new Debouncer(40, true);
        d.Reset(false, 5);
        Assert.IsFalse(d.Value);
        Assert.IsFalse(d.Update(true, 44));
        Assert.IsTrue(d.Update(true, 84));
    }
}
