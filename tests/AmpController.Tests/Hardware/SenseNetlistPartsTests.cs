using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using AmpController.Core.Sensing;
using AmpController.Simulator.Sense;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Hardware;

/// <summary>
/// One name per part everywhere: the values in hardware/sense-frontend.cir are the simulator's nominal parts
/// (SimSenseParts), and the estimator's design constants (SenseDesign) follow from them.
/// </summary>
[TestClass]
public class SenseNetlistPartsTests
{
    /// <summary>Instance name → value of every element line of the netlist (SPICE suffixes resolved).</summary>
    public static Dictionary<string, double> NetlistValues()
    {
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (string raw in File.ReadAllLines(NgSpice.NetlistPath))
        {
            string line = raw.Trim();
            if (line.StartsWith(".control", StringComparison.OrdinalIgnoreCase)) break;
            var m = Regex.Match(line, @"^([RCV]\w*)\s+\S+\s+\S+\s+(?:DC\s+)?([0-9.]+)([a-zA-Z]*)");
            if (m.Success) values[m.Groups[1].Value] = Spice(m.Groups[2].Value, m.Groups[3].Value);
        }
        return values;
    }

    static double Spice(string number, string suffix)
    {
        double v = double.Parse(number, CultureInfo.InvariantCulture);
        return suffix.ToLowerInvariant() switch
        {
            "" => v, "t" => v * 1e12, "meg" => v * 1e6, "k" => v * 1e3, "m" => v * 1e-3, "u" => v * 1e-6, "n" => v * 1e-9, "p" => v * 1e-12,
            _ => throw new FormatException($"unknown SPICE suffix '{suffix}'"),
        };
    }

    [TestMethod]
    public void Netlist_values_are_the_simulators_nominal_parts()
    {
        var n = NetlistValues();
        var p = SimSenseParts.Nominal();
        void Same(string name, double expected) => Assert.AreEqual(expected, n[name], expected * 1e-9, name);
        Same("VSUP", p.SupplyVolts);
        Same("VREFSET", p.ReferenceVolts);
        Same("RA", p.Ra); Same("RB", p.Rb); Same("C1", p.C1); Same("R2", p.R2); Same("C2", p.C2);
        string[] ch = { "L", "R" }, st = { "S", "L", "R" };
        for (int c = 0; c < 2; c++)
        {
            Same("RLO" + ch[c], p.Rlo[c]); Same("RHI" + ch[c], p.Rhi[c]); Same("RSW" + ch[c], p.SwitchOhm[c]);
            Same("RGZ" + ch[c], p.Rgz[c]);
        }
        for (int s = 0; s < 3; s++)
        {
            Same("RIN" + st[s], p.Rin[s]); Same("RBL" + st[s], p.Rbleed[s]); Same("CIN" + st[s], p.Cin[s]);
            Same("RF" + st[s], p.Rf[s]); Same("RG" + st[s], p.Rg[s]); Same("RO" + st[s], p.Ro[s]);
            Same("RBIAS" + st[s], p.Rbias[s]); Same("CO" + st[s], p.Co[s]); Same("RADC" + st[s], p.Radc[s]);
        }
    }

    [TestMethod]
    public void Design_constants_follow_from_the_nominal_parts()
    {
        var p = SimSenseParts.Nominal();
        double zoom = (1 + p.Rf[1] / SenseNetwork.GroundLegOhm(p, 1, true)) / (1 + p.Rf[1] / p.Rg[1]);
        Assert.AreEqual(SenseDesign.ZoomFactor, zoom, 0.001);
        double series = SenseNetwork.SeriesOhm(p, 0, lowRange: true);
        Assert.AreEqual(SenseDesign.LowRangeSeriesOhm, series, 0.1);
        Assert.AreEqual(SenseDesign.HighRangeSeriesOhm, p.Rhi[0]);
        Assert.AreEqual(SenseDesign.SenseInputOhm, p.Rin[1] + p.Rbleed[1]);
        double vs = SenseNetwork.SourceFinalVolts(p);
        double span = SenseNetwork.AdcVolts(p, 0, vs) - SenseNetwork.AdcVolts(p, 0, 0);
        double counts39 = span / SimEsp32Adc.MaxFullScaleVolts * SimEsp32Adc.MaxCode, counts31 = span / SimEsp32Adc.MinFullScaleVolts * SimEsp32Adc.MaxCode;
        Assert.IsTrue(SenseDesign.MinSourceCounts < 0.8 * counts39 && SenseDesign.MaxSourceCounts > 1.15 * counts31,
            $"source span {counts39:F0}–{counts31:F0} counts within the fault bounds with margin");
        // The trusted codes are the 11 dB window 150–2450 mV through the worst converter (SimEsp32Adc's spread).
        Assert.AreEqual(SenseDesign.AdcMinUsableCode, (int)Math.Ceiling(SimEsp32Adc.MaxCode * (SimEsp32Adc.LinearFromVolts - SimEsp32Adc.MinZeroOffsetVolts) / SimEsp32Adc.MinFullScaleVolts));
        Assert.AreEqual(SenseDesign.AdcMaxUsableCode, (int)Math.Floor(SimEsp32Adc.MaxCode * (SimEsp32Adc.LinearToVolts - SimEsp32Adc.MaxZeroOffsetVolts) / SimEsp32Adc.MaxFullScaleVolts));
    }
}
