using System;
using System.Linq;
using System.Text.Json;
using AmpController.Core.Acoustics;
using AmpController.Tests.Cli;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Acoustics;

/// <summary>`ampsim cap` per docs/design.md §7: command line, JSON shape, exit codes 0/2.</summary>
[TestClass]
public class CapCommandTests
{
    static JsonElement Json(params string[] args)
    {
        var r = AmpSim.Run(new[] { "cap" }.Concat(args).Append("--json").ToArray());
        Assert.AreEqual(0, r.ExitCode, r.Stderr);
        Assert.AreEqual("", r.Stderr);
        Assert.AreEqual(1, r.Stdout.TrimEnd().Split('\n').Length, "one JSON object on one line");
        return JsonDocument.Parse(r.Stdout).RootElement;
    }

    [TestMethod]
    public void Cap_json_has_the_contract_fields_with_the_contract_meanings()
    {
        var j = Json("--impedance", "300", "--sensitivity", "97", "--unit", "dB/V");
        Assert.AreEqual(0, j.GetProperty("gainDb").GetInt32());
        int cap = j.GetProperty("capDb").GetInt32();
        Assert.AreEqual(-9, cap);
        double spl = j.GetProperty("splDbA").GetDouble();
        // splDbA is the programme level at gainDb + capDb.
        Assert.AreEqual(VolumeCap.ProgrammeLevelDbA(BoardProfile.Reference(), 97, 0, cap), spl, 0.05);
        Assert.AreEqual(97.0, j.GetProperty("assumedSensitivityDbPerV").GetDouble(), 1e-9);
        Assert.IsTrue(j.GetProperty("sensitivityKnown").GetBoolean());
        var reasons = j.GetProperty("reasons");
        Assert.AreEqual(JsonValueKind.Array, reasons.ValueKind);
        Assert.IsTrue(reasons.EnumerateArray().Any(r => r.GetString()!.StartsWith("CAP_LIMIT: ")));
    }

    [TestMethod]
    public void Cap_without_sensitivity_uses_the_worst_case_for_the_impedance()
    {
        var j = Json("--impedance", "32");
        Assert.IsFalse(j.GetProperty("sensitivityKnown").GetBoolean());
        Assert.AreEqual(Math.Round(WorstCaseSensitivity.DbPerVForMeasuredOhm(32), 1), j.GetProperty("assumedSensitivityDbPerV").GetDouble(), 1e-9);
        Assert.AreEqual(-20, j.GetProperty("gainDb").GetInt32());
        Assert.IsTrue(j.GetProperty("splDbA").GetDouble() <= 85);
        Assert.IsTrue(j.GetProperty("reasonCodes").EnumerateArray().Any(r => r.GetString() == ReasonCodes.SensWorstCase));
    }

    [TestMethod]
    public void Cap_accepts_dB_per_mW_and_a_limit()
    {
        var j = Json("--impedance", "10", "--sensitivity", "119", "--unit", "dB/mW", "--limit", "100");
        Assert.AreEqual(139.0, j.GetProperty("assumedSensitivityDbPerV").GetDouble(), 0.05);
        Assert.AreEqual(-20, j.GetProperty("gainDb").GetInt32());
        Assert.AreEqual(100.0, j.GetProperty("limitDbA").GetDouble());
        double spl = j.GetProperty("splDbA").GetDouble();
        Assert.IsTrue(spl <= 100 && spl > 99 - 0.05, spl.ToString()); // within 1 dB below, printed to 0.1 dB
    }

    [TestMethod]
    public void Cap_too_sensitive_for_the_chip_reports_mute_with_null_cap()
    {
        var j = Json("--impedance", "16", "--sensitivity", "179", "--unit", "dB/V");
        Assert.IsTrue(j.GetProperty("muted").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, j.GetProperty("capDb").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, j.GetProperty("splDbA").ValueKind);
        Assert.IsTrue(j.GetProperty("reasonCodes").EnumerateArray().Any(r => r.GetString() == ReasonCodes.CapMute));
    }

    [TestMethod]
    public void Cap_human_output_explains_the_cap()
    {
        var r = AmpSim.Run("cap", "--impedance", "300", "--sensitivity", "97", "--unit", "dB/V");
        Assert.AreEqual(0, r.ExitCode);
        StringAssert.Contains(r.Stdout, "Cap          -9 dB");
        StringAssert.Contains(r.Stdout, "CAP_LIMIT");
    }

    [TestMethod]
    [DataRow("0.3", "short")]
    [DataRow("1", "short")]
    [DataRow("1e6", "open")]
    public void S7_a_short_or_an_open_jack_is_muted_with_a_clear_answer_never_infinity(string ohm, string load)
    {
        var text = AmpSim.Run("cap", "--impedance", ohm);
        Assert.AreEqual(0, text.ExitCode, text.Stderr);
        StringAssert.Contains(text.Stdout, $"Cap          muted: the output stays off for this load ({load}, rule S7)");
        Assert.IsFalse(text.Stdout.Contains("Infinity") || text.Stdout.Contains("NaN") || text.Stdout.Contains('∞'), text.Stdout);
        var j = Json("--impedance", ohm);
        Assert.AreEqual(load, j.GetProperty("loadClass").GetString());
        Assert.IsTrue(j.GetProperty("muted").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, j.GetProperty("capDb").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, j.GetProperty("splDbA").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, j.GetProperty("assumedSensitivityDbPerV").ValueKind);
    }

    [TestMethod]
    public void A_headphone_that_starts_muted_or_is_muted_says_so_instead_of_minus_infinity()
    {
        // 160 dB/V at 16 ohm: the cap is -52 dB but the safe default (70 dBA) is below the deepest step (S2).
        var start = AmpSim.Run("cap", "--impedance", "16", "--sensitivity", "160", "--unit", "dB/V");
        StringAssert.Contains(start.Stdout, "Safe start   muted (even the deepest step is above the safe default level");
        var j = Json("--impedance", "16", "--sensitivity", "160", "--unit", "dB/V");
        Assert.IsTrue(j.GetProperty("startsMuted").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, j.GetProperty("safeStartDb").ValueKind);
        Assert.AreEqual(-52, j.GetProperty("capDb").GetInt32());
        // 179 dB/V: even the deepest step passes the limit (S4).
        var muted = AmpSim.Run("cap", "--impedance", "16", "--sensitivity", "179", "--unit", "dB/V");
        StringAssert.Contains(muted.Stdout, "Cap          muted: even the deepest attenuator step would pass the limit (rule S4)");
        foreach (var text in new[] { start.Stdout, muted.Stdout })
            Assert.IsFalse(text.Contains("Infinity") || text.Contains("NaN"), text);
    }

    [TestMethod]
    [DataRow("--impedance", "-32")]
    [DataRow("--impedance", "0")]
    [DataRow("--impedance", "NaN")]
    [DataRow("--impedance", "Infinity")]
    [DataRow("--impedance", "abc")]
    [DataRow("--impedance")]
    [DataRow("--sensitivity", "97", "--unit", "dB/V")]
    [DataRow("--impedance", "300", "--sensitivity", "97")]
    [DataRow("--impedance", "300", "--unit", "dB/V")]
    [DataRow("--impedance", "300", "--sensitivity", "97", "--unit", "dB")]
    [DataRow("--impedance", "300", "--sensitivity", "NaN", "--unit", "dB/V")]
    [DataRow("--impedance", "300", "--limit", "101")]
    [DataRow("--impedance", "300", "--limit", "30")]
    [DataRow("--impedance", "300", "--limit", "NaN")]
    [DataRow("--impedance", "300", "--loud")]
    [DataRow("--impedance", "300", "300")]
    [DataRow("--impedance", "300", "--impedance", "32")]
    public void Cap_bad_input_exits_2_with_one_line_message(params string[] args)
    {
        var r = AmpSim.Run(new[] { "cap" }.Concat(args).ToArray());
        Assert.AreEqual(2, r.ExitCode, r.Stdout);
        Assert.AreEqual("", r.Stdout);
        var lines = r.Stderr.TrimEnd().Split('\n');
        Assert.AreEqual(1, lines.Length, r.Stderr);
        StringAssert.StartsWith(lines[0], "ampsim cap: ");
    }
}

/// <summary>`ampsim cap --json` "ack" and `--model` (docs/design.md §7, issue 16).</summary>
[TestClass]
public class CapAckAndModelTests
{
    static JsonElement Json(params string[] args)
    {
        var r = AmpSim.Run(new[] { "cap" }.Concat(args).Append("--json").ToArray());
        Assert.AreEqual(0, r.ExitCode, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement;
    }

    [TestMethod]
    public void S12_cap_json_ack_is_the_cap_recomputed_for_the_acknowledged_limit()
    {
        var board = BoardProfile.Reference();
        var j = Json("--impedance", "300");
        var ack = j.GetProperty("ack");
        double dbPerV = WorstCaseSensitivity.DbPerVForMeasuredOhm(300);
        int gain = ack.GetProperty("gainDb").GetInt32(), cap = ack.GetProperty("capDb").GetInt32();
        Assert.IsTrue(ack.GetProperty("available").GetBoolean());
        Assert.AreEqual(100.0, ack.GetProperty("limitDbA").GetDouble());
        Assert.AreEqual(VolumeCap.ProgrammeLevelDbA(board, dbPerV, gain, cap), ack.GetProperty("splDbA").GetDouble(), 0.05);
        Assert.IsTrue(ack.GetProperty("splDbA").GetDouble() <= 100.0 && ack.GetProperty("splDbA").GetDouble() > 99.0);
        Assert.AreEqual(VolumeCap.StepForLevel(board, dbPerV, gain, 100.0), cap);
        Assert.AreEqual(GainChoice.Choose(board, dbPerV, 300, 100.0).GainDb, gain);
        Assert.IsTrue(gain + cap > j.GetProperty("gainDb").GetInt32() + j.GetProperty("capDb").GetInt32());
    }

    [TestMethod]
    [DataRow("85")]
    [DataRow("92")]
    [DataRow("100")]
    public void S12_ack_limit_bounds_the_tier(string limit)
    {
        var ack = Json("--impedance", "32", "--ack-limit", limit).GetProperty("ack");
        Assert.IsTrue(ack.GetProperty("splDbA").GetDouble() <= double.Parse(limit) + 1e-9);
        Assert.AreEqual(limit != "85", ack.GetProperty("available").GetBoolean(), "85 dBA adds nothing to the default tier");
    }

    [TestMethod]
    public void S12_no_tier_for_muted_or_unconfirmed_loads()
    {
        var shortLoad = Json("--impedance", "0.5").GetProperty("ack");
        Assert.IsFalse(shortLoad.GetProperty("available").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, shortLoad.GetProperty("capDb").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, shortLoad.GetProperty("splDbA").ValueKind);
        var d = SafetyPolicy.Decide(new PolicyInput { Class = Core.Sensing.LoadClass.Mono, LeftOhm = 32 });
        Assert.IsFalse(d.HasAck);
        Assert.AreEqual(d.MaxTotalGainDb, d.AckGainDb + d.AckCapDb);
    }

    [TestMethod]
    public void Cap_ack_limit_outside_85_to_100_is_bad_input()
    {
        foreach (var bad in new[] { "84", "101", "nan", "x" })
        {
            var r = AmpSim.Run("cap", "--impedance", "32", "--ack-limit", bad);
            Assert.AreEqual(2, r.ExitCode, bad);
            Assert.AreEqual(1, r.Stderr.TrimEnd().Split('\n').Length, r.Stderr);
        }
    }

    [TestMethod]
    public void Cap_model_looks_up_impedance_and_sensitivity()
    {
        var byModel = Json("--model", "sennheiser hd600");
        var byHand = Json("--impedance", "300", "--sensitivity", "97", "--unit", "dB/V");
        Assert.AreEqual("Sennheiser HD 600", byModel.GetProperty("model").GetString());
        foreach (var field in new[] { "gainDb", "capDb", "splDbA", "assumedSensitivityDbPerV" })
            Assert.AreEqual(byHand.GetProperty(field).GetDouble(), byModel.GetProperty(field).GetDouble(), field);
        Assert.IsTrue(byModel.GetProperty("sensitivityKnown").GetBoolean());
        var text = AmpSim.Run("cap", "--model", "HD 600");
        Assert.AreEqual(0, text.ExitCode);
        StringAssert.Contains(text.Stdout, "Sennheiser HD 600 (300 ohm nominal, 97 dB/V)");
    }

    [TestMethod]
    public void Cap_unknown_model_is_exit_2_with_the_closest_names()
    {
        var r = AmpSim.Run("cap", "--model", "HD 6000");
        Assert.AreEqual(2, r.ExitCode);
        Assert.AreEqual("", r.Stdout);
        Assert.AreEqual(1, r.Stderr.TrimEnd().Split('\n').Length, r.Stderr);
        StringAssert.Contains(r.Stderr, "closest: Sennheiser HD 600");
        var both = AmpSim.Run("cap", "--model", "HD 600", "--impedance", "300");
        Assert.AreEqual(2, both.ExitCode);
    }
}
