using System;
using AmpController.Simulator.Board;
using AmpController.Simulator.Scenario;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Simulator;

/// <summary>The simulator's acoustic oracle (issue 19 item 5): each ear judged with its own impedance.</summary>
[TestClass]
public class BoardAcousticsTests
{
    /// <summary>docs/design.md §5 by power: SPL = S_dB/mW + 10·log10(P / 1 mW), P = V²/Z at the ear.</summary>
    static double ByPower(double dbPerMw, double earOhm, double gainDb, double attenuationDb)
    {
        double programme = 2.0 * Math.Pow(10, -10 / 20.0) * Math.Pow(10, (gainDb - attenuationDb) / 20); // 2 Vrms full scale, −10 dB
        double atEar = programme * earOhm / (earOhm + 0.1);                                                 // 0.1 Ω output impedance
        return dbPerMw + 10 * Math.Log10(atEar * atEar / earOhm / 0.001);
    }

    [TestMethod]
    public void A_mono_plug_is_judged_at_its_one_ear_not_at_the_mean_with_the_short()
    {
        var mono = ScenarioLoader.Parse("""
            { "name": "m", "durationMs": 10, "events": [ { "atMs": 0, "plug": { "leftOhm": 32, "rightOhm": 0.3, "sensitivity": 105, "unit": "dB/mW" } } ] }
            """);
        var load = ((PlugEvent)mono.Events[0]).Load;
        double spl = BoardAcoustics.LouderEar(load, 0, 20, 20)!.Value;
        Assert.AreEqual(ByPower(105, 32, 0, 20), spl, 1e-9);
        // The old oracle converted at the mean of both contacts (16.15 Ω): 3 dB louder than the ear really is.
        double atMean = BoardAcoustics.ProgrammeSplDbA(105 + 10 * Math.Log10(1000 / 16.15), 32, 0, 20)!.Value;
        Assert.AreEqual(3.0, atMean - spl, 0.05);
    }

    [TestMethod]
    [DataRow(16.0, 32.0)]
    [DataRow(300.0, 290.0)]
    public void Each_ear_of_a_dB_per_mW_headphone_converts_at_its_own_impedance(double left, double right)
    {
        var load = new HeadphoneLoad(left, right, double.NaN, DbPerMw: 100);
        double expected = Math.Max(ByPower(100, left, 0, 10), ByPower(100, right, 0, 10));
        Assert.AreEqual(expected, BoardAcoustics.LouderEar(load, 0, 10, 10)!.Value, 1e-9);
    }

    [TestMethod]
    public void A_dB_per_V_rating_is_the_same_for_both_ears_and_the_quieter_attenuation_wins()
    {
        var load = new HeadphoneLoad(300, 300, 97);
        double left = BoardAcoustics.ProgrammeSplDbA(97, 300, 0, 30)!.Value;
        Assert.AreEqual(left + 10, BoardAcoustics.LouderEar(load, 0, 30, 20)!.Value, 1e-9);
        Assert.IsNull(BoardAcoustics.LouderEar(load with { LeftOhm = 1, RightOhm = 2 }, 0, 0, 0), "shorts make no sound");
    }
}
