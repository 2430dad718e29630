using AmpController.Core.Acoustics;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Acoustics;

/// <summary>
/// Monotonicity of the cap. The cap is compared as gain + attenuator cap (MaxTotalGainDb), i.e. the loudest the user
/// can reach: a higher limit may pick a higher gain with a deeper attenuator cap, but never a quieter maximum.
/// </summary>
[TestClass]
public class SafetyPolicyPropertyTests
{
    static PolicyDecision Decide(double ohm, double dbPerV, double limit, bool known, BoardProfile? board = null)
    {
        var input = PolicyInput.ForHeadphone(ohm);
        if (board != null) input.Board = board;
        input.LimitDbA = limit;
        if (known) input.SetKnownSensitivity(dbPerV, SensitivityUnit.DbPerV);
        return SafetyPolicy.Decide(input);
    }

    static readonly Gen<BoardProfile> Board = Gen.Int[0, 1].Select(i =>
        i == 0 ? BoardProfile.Reference() : BoardProfile.Reference(AttenuatorProfile.Pt2258));

    [TestMethod]
    public void S4_higher_limit_never_lowers_the_cap()
    {
        Gen.Select(Gen.Double[2.0, 5000.0], Gen.Double[60.0, 175.0], Gen.Double[20.0, 110.0], Gen.Double[0.0, 40.0], Board)
            .Sample((ohm, s, limit, raise, board) =>
            {
                var low = Decide(ohm, s, limit, true, board);
                var high = Decide(ohm, s, limit + raise, true, board);
                Assert.IsTrue(high.MaxTotalGainDb >= low.MaxTotalGainDb, $"{high.MaxTotalGainDb} < {low.MaxTotalGainDb}");
                Assert.IsTrue(high.SplAtCapDbA >= low.SplAtCapDbA);
                // At a fixed gain, the attenuator cap itself never falls with the limit.
                Assert.IsTrue(VolumeCap.StepForLevel(board, s, low.GainDb, limit + raise) >= VolumeCap.StepForLevel(board, s, low.GainDb, limit));
            }, iter: 3000);
    }

    [TestMethod]
    public void S4_higher_sensitivity_never_raises_the_cap()
    {
        Gen.Select(Gen.Double[2.0, 5000.0], Gen.Double[60.0, 175.0], Gen.Double[0.0, 40.0], Gen.Double[60.0, 100.0], Board)
            .Sample((ohm, s, more, limit, board) =>
            {
                var quiet = Decide(ohm, s, limit, true, board);
                var loud = Decide(ohm, s + more, limit, true, board);
                Assert.IsTrue(loud.MaxTotalGainDb <= quiet.MaxTotalGainDb, $"{loud.MaxTotalGainDb} > {quiet.MaxTotalGainDb}");
                Assert.IsTrue(loud.GainDb <= quiet.GainDb);
            }, iter: 3000);
    }

    [TestMethod]
    public void S4_unknown_never_yields_a_higher_cap_than_known()
    {
        // For any sensitivity up to the worst case for that reading (with or without its margin).
        Gen.Select(Gen.Double[2.0, 5000.0], Gen.Double[0.0, 1.0], Gen.Double[60.0, 100.0], Board)
            .Sample((ohm, fraction, limit, board) =>
            {
                double worst = WorstCaseSensitivity.DbPerVForMeasuredOhm(ohm);
                double s = 60 + fraction * (worst - 60);
                var known = Decide(ohm, s, limit, true, board);
                var unknown = Decide(ohm, double.NaN, limit, false, board);
                Assert.IsTrue(unknown.MaxTotalGainDb <= known.MaxTotalGainDb, $"{unknown.MaxTotalGainDb} > {known.MaxTotalGainDb}");
                Assert.IsTrue(unknown.GainDb <= known.GainDb);
            }, iter: 3000);
    }

    [TestMethod]
    public void S4_level_at_cap_never_exceeds_the_limit_with_the_assumed_sensitivity()
    {
        Gen.Select(Gen.Double[0.5, 200_000.0], Gen.Double[40.0, 180.0], Gen.Double[20.0, 130.0], Gen.Int[0, 1], Board)
            .Sample((ohm, s, limit, known, board) =>
            {
                var d = Decide(ohm, s, limit, known == 1, board);
                if (d.Muted) return;
                Assert.IsTrue(d.SplAtCapDbA <= d.LimitDbA);
                Assert.IsTrue(d.SafeStartDb <= d.CapDb);
                Assert.IsTrue(d.SplAtSafeStartDbA <= d.SafeDefaultDbA);
                Assert.IsTrue(d.CapDb <= 0 && d.CapDb >= board.Attenuator.MinDb);
            }, iter: 3000);
    }
}
