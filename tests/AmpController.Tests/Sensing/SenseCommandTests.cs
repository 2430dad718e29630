using System.Text.Json;
using AmpController.Tests.Cli;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Sensing;

/// <summary>`ampsim sense` exactly as in docs/design.md §7.</summary>
[TestClass]
public class SenseCommandTests
{
    static JsonElement Json(params string[] args)
    {
        var r = AmpSim.Run(args);
        Assert.AreEqual(0, r.ExitCode, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement;
    }

    /// <summary>docs/design.md §7: "adc":{"attenuationDb":11,"fullScaleMv":…} — the board's modelled converter.</summary>
    [TestMethod]
    public void Json_gives_the_adc_as_modelled_11_dB_with_the_boards_full_scale()
    {
        var seen = new System.Collections.Generic.HashSet<double>();
        foreach (string seed in new[] { "1", "2", "3", "4" })
        {
            var adc = Json("sense", "--load", "32", "--seed", seed, "--json").GetProperty("adc");
            Assert.AreEqual(11, adc.GetProperty("attenuationDb").GetInt32());
            double fs = adc.GetProperty("fullScaleMv").GetDouble();
            Assert.IsTrue(fs >= 3100 && fs <= 3900, $"seed {seed}: {fs} mV");
            Assert.AreEqual(fs, new AmpController.Simulator.Sense.SimSenseRig(int.Parse(seed)).Circuit.Adc.FullScaleVolts * 1000, 0.5);
            seen.Add(fs);
        }
        Assert.IsTrue(seen.Count > 1, "the full scale is drawn per board");
    }

    [TestMethod]
    public void Headphone_json_has_ohms_per_channel_and_the_class()
    {
        var j = Json("sense", "--load", "32", "--seed", "5", "--json");
        Assert.AreEqual("headphone", j.GetProperty("class").GetString());
        foreach (var side in new[] { "left", "right" })
        {
            Assert.AreEqual("headphone", j.GetProperty(side).GetProperty("class").GetString());
            Assert.AreEqual(32, j.GetProperty(side).GetProperty("ohm").GetDouble(), 0.64);
        }
    }

    [TestMethod]
    [DataRow("open", "open", "open", "open")]
    [DataRow("short", "short", "short", "short")]
    [DataRow("mono:32", "mono", "headphone", "short")]
    [DataRow("10000", "line", "line", "line")]
    [DataRow("300,open", "uncertain", "headphone", "open")]
    public void Classes_by_load(string load, string cls, string left, string right)
    {
        var j = Json("sense", "--load", load, "--json");
        Assert.AreEqual(cls, j.GetProperty("class").GetString());
        Assert.AreEqual(left, j.GetProperty("left").GetProperty("class").GetString());
        Assert.AreEqual(right, j.GetProperty("right").GetProperty("class").GetString());
    }

    [TestMethod]
    public void Ohm_is_null_for_open_line_and_short_and_the_estimate_is_given()
    {
        var mono = Json("sense", "--load", "mono:32", "--json");
        Assert.AreEqual(JsonValueKind.Null, mono.GetProperty("right").GetProperty("ohm").ValueKind);
        Assert.IsTrue(mono.GetProperty("right").GetProperty("estimateOhm").GetDouble() < 1);
        var open = Json("sense", "--load", "open", "--json");
        Assert.AreEqual(JsonValueKind.Null, open.GetProperty("left").GetProperty("ohm").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, open.GetProperty("left").GetProperty("estimateOhm").ValueKind);
        var line = Json("sense", "--load", "22000,47000", "--json");
        Assert.AreEqual(JsonValueKind.Null, line.GetProperty("right").GetProperty("ohm").ValueKind);
    }

    [TestMethod]
    public void Different_channels_are_measured_separately()
    {
        var j = Json("sense", "--load", "32,300", "--json");
        Assert.AreEqual(32, j.GetProperty("left").GetProperty("ohm").GetDouble(), 0.64);
        Assert.AreEqual(300, j.GetProperty("right").GetProperty("ohm").GetDouble(), 6);
    }

    [TestMethod]
    public void Same_seed_same_output_and_text_mode_works()
    {
        var a = AmpSim.Run("sense", "--load", "mono:150", "--seed", "9");
        var b = AmpSim.Run("sense", "--load", "mono:150", "--seed", "9");
        Assert.AreEqual(0, a.ExitCode);
        Assert.AreEqual(a.Stdout, b.Stdout);
        StringAssert.Contains(a.Stdout, "mono");
    }

    [TestMethod]
    [DataRow("--load", "abc")]
    [DataRow("--load", "-5")]
    [DataRow("--load", "mono:")]
    [DataRow("--load", "1,2,3")]
    [DataRow("--load", "NaN")]
    [DataRow("--load", "")]
    [DataRow("--load", "32", "--seed", "x")]
    [DataRow("--load", "32", "--seed", "-1")]
    [DataRow("--load", "32", "--bogus")]
    [DataRow("--json")]
    public void Bad_input_exits_2_with_one_line(params string[] args)
    {
        var r = AmpSim.Run(["sense", .. args]);
        Assert.AreEqual(2, r.ExitCode, r.Stdout);
        Assert.AreEqual(1, r.Stderr.TrimEnd().Split('\n').Length, r.Stderr);
        Assert.AreEqual("", r.Stdout);
    }
}
