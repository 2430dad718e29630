using AmpController.Simulator.Data;
using System;
using System.Linq;
using AmpController.Core.Acoustics;
using AmpController.Core.Sensing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Acoustics;

[TestClass]
public class SafetyPolicyS4Tests
{
    static readonly BoardProfile[] Boards = { BoardProfile.Reference(), BoardProfile.Reference(AttenuatorProfile.Pt2258) };
    static readonly double[] Limits = { 40, 60, 70, 85, 94.5, 100 };

    static PolicyDecision Known(HeadphoneRow row, double limit, BoardProfile board)
    {
        var input = PolicyInput.ForHeadphone(row.NominalOhm);
        input.Board = board;
        input.LimitDbA = limit;
        input.SetKnownSensitivity(row.Value, row.Unit);
        return SafetyPolicy.Decide(input);
    }

    static double TrueLevel(PolicyDecision d, BoardProfile board, double trueDbPerV, int attDb) =>
        VolumeCap.ProgrammeLevelDbA(board, trueDbPerV, d.GainDb, attDb);

    [TestMethod]
    public void S4_known_sensitivity_caps_every_csv_row_within_1_dB_below_the_limit()
    {
        int within = 0, unreachable = 0, muted = 0;
        foreach (var board in Boards)
        foreach (double limit in Limits)
        foreach (var row in HeadphonesCsv.Rows)
        {
            var d = Known(row, limit, board);
            if (d.Muted)
            {
                // Only when even the deepest step at the lowest gain is above the limit.
                Assert.IsTrue(TrueLevel(d, board, row.DbPerV, board.Attenuator.MinDb) > limit, row.ToString());
                Assert.IsTrue(d.HasReason(ReasonCodes.CapMute));
                muted++;
                continue;
            }
            Assert.IsTrue(d.SensitivityKnown);
            Assert.AreEqual(row.DbPerV, d.AssumedSensitivityDbPerV, 1e-9);
            double level = TrueLevel(d, board, row.DbPerV, d.CapDb);
            Assert.IsTrue(level <= limit, $"{row} at limit {limit}: {level:F2} dBA");
            Assert.IsTrue(d.CapDb <= 0 && d.CapDb >= board.Attenuator.MinDb);
            if (d.ReachesLimit)
            {
                Assert.IsTrue(level > limit - 1, $"{row} at limit {limit}: {level:F2} dBA is more than 1 dB below");
                Assert.IsTrue(TrueLevel(d, board, row.DbPerV, d.CapDb + 1) > limit, "one step up would exceed the limit");
                within++;
            }
            else
            {
                Assert.AreEqual(0, d.CapDb);
                Assert.AreEqual(board.GainStepsDb[^1], d.GainDb);
                Assert.IsTrue(d.HasReason(ReasonCodes.LimitUnreachable));
                unreachable++;
            }
        }
        Console.WriteLine($"within 1 dB: {within}, board cannot reach the limit: {unreachable}, muted (deepest step too loud): {muted}");
        // At the default limit every listed headphone but the electrostatic Stax is reached.
        int rowsWithin85 = HeadphonesCsv.Rows.Count(r => Known(r, 85, Boards[0]).ReachesLimit);
        Assert.AreEqual(HeadphonesCsv.Rows.Count - 1, rowsWithin85);
    }

    [TestMethod]
    public void S4_unknown_sensitivity_never_exceeds_the_limit_for_any_csv_row()
    {
        double least = double.PositiveInfinity;
        foreach (var board in Boards)
        foreach (double limit in Limits)
        foreach (var row in HeadphonesCsv.Rows)
        foreach (double factor in new[] { 0.85, 0.92, 1.0 })
        {
            var input = PolicyInput.ForHeadphone(row.NominalOhm * factor);
            input.Board = board;
            input.LimitDbA = limit;
            var d = SafetyPolicy.Decide(input);
            Assert.IsFalse(d.SensitivityKnown);
            Assert.IsTrue(d.HasReason(ReasonCodes.SensWorstCase));
            if (d.Muted) continue;
            double level = TrueLevel(d, board, row.DbPerV, d.CapDb);
            Assert.IsTrue(level <= limit, $"{row} read as {row.NominalOhm * factor:F1} ohm, limit {limit}: {level:F2} dBA");
            least = Math.Min(least, limit - level);
        }
        Console.WriteLine($"unknown sensitivity: every CSV row at least {least:F2} dB below the limit");
    }

    [TestMethod]
    public void S4_unknown_sensitivity_never_exceeds_the_limit_for_headphones_not_in_the_csv()
    {
        foreach (var m in NotListedHeadphones.All)
        foreach (double factor in new[] { 0.85, 1.0 })
        {
            var input = PolicyInput.ForHeadphone(m.NominalOhm * factor);
            input.LimitDbA = 100;
            var d = SafetyPolicy.Decide(input);
            double level = TrueLevel(d, input.Board, m.DbPerV, d.CapDb);
            Assert.IsTrue(level <= 100, $"{m}: {level:F2} dBA");
        }
    }

    [TestMethod]
    public void S4_limit_is_capped_at_100_dBA_and_never_raised()
    {
        var input = PolicyInput.ForHeadphone(300);
        input.SetKnownSensitivity(97, SensitivityUnit.DbPerV);
        input.LimitDbA = 130;
        var d = SafetyPolicy.Decide(input);
        Assert.AreEqual(100, d.LimitDbA);
        Assert.IsTrue(d.HasReason(ReasonCodes.LimitClamped));
        Assert.IsTrue(d.SplAtCapDbA <= 100);
        input.LimitDbA = double.NaN;
        Assert.AreEqual(85, SafetyPolicy.Decide(input).LimitDbA);
        // A limit below the settings range is honoured, never raised: quieter is always safe.
        input.LimitDbA = 40;
        var low = SafetyPolicy.Decide(input);
        Assert.AreEqual(40, low.LimitDbA);
        Assert.IsTrue(low.SplAtCapDbA <= 40);
        input.SafeDefaultDbA = 95;
        Assert.AreEqual(80, SafetyPolicy.Decide(input).SafeDefaultDbA);
        input.SafeDefaultDbA = 50;
        Assert.AreEqual(50, SafetyPolicy.Decide(input).SafeDefaultDbA);
    }

    [TestMethod]
    public void S4_hd600_at_85_dBA_gets_0_dB_gain_and_cap_minus_9()
    {
        var input = PolicyInput.ForHeadphone(300);
        input.SetKnownSensitivity(97, SensitivityUnit.DbPerV);
        var d = SafetyPolicy.Decide(input);
        // 97 dB/V + 20·log10(2 V) − 10 dB programme = 93.0 dBA at 0 dB; 85 − 93.02 = −8.02 → −9 dB (down, never up).
        Assert.AreEqual(0, d.GainDb);
        Assert.AreEqual(-9, d.CapDb);
        Assert.AreEqual(84.0, d.SplAtCapDbA, 0.05);
        Assert.IsTrue(d.HasReason(ReasonCodes.CapLimit));
        Assert.IsTrue(d.HasReason(ReasonCodes.NeedsDedicatedAmp));
        Assert.IsFalse(d.HissAudible);
        // S2: safe start = min(step for 70 dBA, cap) = −24 dB → 69.0 dBA.
        Assert.AreEqual(-24, d.SafeStartDb);
        Assert.AreEqual(69.0, d.SplAtSafeStartDbA, 0.05);
    }

    [TestMethod]
    public void Gain_iem_for_119_dB_per_mW_at_10_ohm_with_audible_hiss()
    {
        var input = PolicyInput.ForHeadphone(10);
        input.SetKnownSensitivity(119, SensitivityUnit.DbPerMw);
        var d = SafetyPolicy.Decide(input);
        Assert.AreEqual(139.0, d.AssumedSensitivityDbPerV, 0.01);
        Assert.AreEqual(0, d.GainStep);
        Assert.AreEqual(-20, d.GainDb);
        Assert.IsTrue(d.HasReason(ReasonCodes.GainIem));
        Assert.IsTrue(d.HissAudible);
        Assert.IsTrue(d.HasReason(ReasonCodes.HissAudible));
        Assert.IsFalse(d.NeedsDedicatedAmp);
    }

    [TestMethod]
    public void Gain_high_for_an_insensitive_planar_at_100_dBA_and_no_clean_peaks_flag()
    {
        var input = PolicyInput.ForHeadphone(50);            // HiFiMAN HE-6: 83.5 dB/mW → 96.5 dB/V
        input.SetKnownSensitivity(83.5, SensitivityUnit.DbPerMw);
        input.LimitDbA = 100;
        var d = SafetyPolicy.Decide(input);
        Assert.AreEqual(12, d.GainDb);                       // needs 4.7 Vrms full scale; 0 dB gives only 2 Vrms
        Assert.IsTrue(d.HasReason(ReasonCodes.GainHigh));
        Assert.IsTrue(d.CleanPeaks);                         // 4.7 Vrms / 50 ohm = 95 mA: clean
        var stax = PolicyInput.ForHeadphone(145000);
        stax.SetKnownSensitivity(61, SensitivityUnit.DbPerV);
        var s = SafetyPolicy.Decide(stax);
        Assert.IsFalse(s.CleanPeaks);
        Assert.IsTrue(s.HasReason(ReasonCodes.NoCleanPeaks));
        Assert.IsTrue(s.HasReason(ReasonCodes.CapFull));
        // A 16 ohm headphone needing 5.6 Vrms peaks exceeds 250 mA (4 Vrms): current-limited.
        var low = PolicyInput.ForHeadphone(16);
        low.SetKnownSensitivity(95, SensitivityUnit.DbPerV);
        low.LimitDbA = 100;
        var l = SafetyPolicy.Decide(low);
        Assert.IsFalse(l.CleanPeaks);
        Assert.IsTrue(l.HasReason(ReasonCodes.NoCleanPeaks));
    }

    [TestMethod]
    public void S4_too_sensitive_for_the_deepest_step_stays_muted()
    {
        var input = PolicyInput.ForHeadphone(16);
        input.SetKnownSensitivity(179, SensitivityUnit.DbPerV);
        var d = SafetyPolicy.Decide(input);
        Assert.IsTrue(d.Muted);
        Assert.AreEqual(AttenuatorProfile.MuteDb, d.CapDb);
        Assert.AreEqual(AttenuatorProfile.MuteDb, d.SafeStartDb);
        Assert.IsTrue(d.HasReason(ReasonCodes.CapMute));
        Assert.AreEqual(-20, d.GainDb);
        // The PT2258 reaches 17 dB deeper, so the same headphone is playable on it.
        input.Board = BoardProfile.Reference(AttenuatorProfile.Pt2258);
        var p = SafetyPolicy.Decide(input);
        Assert.IsFalse(p.Muted);
        Assert.IsTrue(p.SplAtCapDbA <= 85);
    }

    [TestMethod]
    public void Every_decision_carries_reasons_with_code_and_text()
    {
        foreach (var c in Enum.GetValues<LoadClass>())
        {
            var input = PolicyInput.ForHeadphone(32);
            input.Class = c;
            var d = SafetyPolicy.Decide(input);
            Assert.IsTrue(d.Reasons.Length > 0, c.ToString());
            foreach (var r in d.Reasons)
            {
                Assert.IsFalse(string.IsNullOrWhiteSpace(r.Code));
                Assert.IsTrue(r.Text.Length > 10, r.Code);
            }
        }
    }
}
