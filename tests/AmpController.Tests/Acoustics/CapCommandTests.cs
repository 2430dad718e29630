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
