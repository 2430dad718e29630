using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AmpController.Core.Sensing;
using AmpController.Simulator.Plot;
using AmpController.Simulator.Sense;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using ScottPlot;

namespace AmpController.Tests.Hardware;

/// <summary>
/// Issue 12: every ADC reading the estimator uses lies inside the 11 dB converter's linear window with margin — for every
/// load from 0 Ω to open, both ranges, zoomed where the estimator zooms, on the nominal, corner and Monte Carlo boards
/// (ngspice) and at all four ends of the uncalibrated converter; and the headphone never sees more than 100 mV.
/// The window is drawn in hardware/sense-window.png (AMP_UPDATE_HARDWARE_PLOTS=1 rewrites it).
/// </summary>
[TestClass]
public class SenseSpiceWindowTests
{
    /// <summary>Margin every reading keeps to the trusted codes: the ±12 LSB INL plus 4 σ of 3.5 LSB noise.</summary>
    public const double MarginCodes = 12 + 4 * 3.5;

    /// <summary>The decision reads the ratio on the rising ramp with few samples: zoom is checked up to 3 % above its threshold.</summary>
    const double DecisionSlack = 1.03;

    static SpiceBoards _boards = null!;

    [ClassInitialize]
    public static void RunNgSpice(TestContext _) => _boards = SpiceBoards.Shared;

    /// <summary>Every pin voltage the estimator reads on board <paramref name="b"/>, with a label.</summary>
    static IEnumerable<(string What, double Volts)> UsedReadings(int b)
    {
        double[] zero = _boards.Rows[$"{b}:zero"], zeroZ = _boards.Rows[$"{b}:zeroZ"];
        for (int st = 0; st < 3; st++) yield return ($"zero {st}", zero[st]);
        for (int st = 1; st < 3; st++) yield return ($"zoomed zero {st}", zeroZ[st]);
        for (int l = 0; l < SpiceBoards.Loads.Length; l++)
        {
            string load = $"{SpiceBoards.Loads[l]} Ω";
            yield return ($"source, {load}", _boards.Rows[$"{b}:{l}:A"][0]);
            for (int ch = 0; ch < 2; ch++)
            {
                double normal = _boards.Row(b, l, ch, true, false)[1 + ch];
                yield return ($"ch {ch} low range, {load}", normal);
                yield return ($"ch {ch} high range, {load}", _boards.Row(b, l, ch, false, false)[1 + ch]);
                double ratio = (normal - zero[1 + ch]) / (_boards.Rows[$"{b}:{l}:A"][0] - zero[0]);
                if (ratio <= SenseDesign.ZoomMaxRatio * DecisionSlack)
                    yield return ($"ch {ch} zoomed, {load}", _boards.Row(b, l, ch, true, true)[1 + ch]);
            }
        }
    }

    [TestMethod]
    public void Every_reading_the_estimator_uses_is_inside_the_ADC_window_with_margin_on_every_board_and_converter()
    {
        double lowMargin = double.MaxValue, highMargin = double.MaxValue, lowMv = 0, highMv = 0;
        string lowAt = "", highAt = "";
        int readings = 0;
        for (int b = 0; b < _boards.Parts.Count; b++)
            foreach (var (what, volts) in UsedReadings(b))
                foreach (var (fs, v0) in SpiceBoards.AdcCorners)
                {
                    readings++;
                    double code = (volts - v0) / fs * SimEsp32Adc.MaxCode;
                    double below = code - SenseDesign.AdcMinUsableCode, above = SenseDesign.AdcMaxUsableCode - code;
                    string at = $"board {b}, {what}, full scale {fs} V, zero offset {v0 * 1000:F0} mV: {volts:F4} V";
                    if (below < lowMargin) { lowMargin = below; lowMv = below * fs / SimEsp32Adc.MaxCode * 1000; lowAt = at; }
                    if (above < highMargin) { highMargin = above; highMv = above * fs / SimEsp32Adc.MaxCode * 1000; highAt = at; }
                }
        Console.WriteLine($"{readings} readings: margin to the lowest trusted code {lowMargin:F0} codes ({lowMv:F0} mV) at {lowAt}");
        Console.WriteLine($"margin to the highest trusted code {highMargin:F0} codes ({highMv:F0} mV) at {highAt}");
        Assert.IsTrue(lowMargin >= MarginCodes, lowAt);
        Assert.IsTrue(highMargin >= MarginCodes, highAt);
    }

    [TestMethod]
    public void The_headphone_sees_at_most_100_mV_for_any_load_on_every_board()
    {
        double worst = 0;
        for (int b = 0; b < _boards.Parts.Count; b++)
            for (int l = 0; l < SpiceBoards.Loads.Length; l++)
                foreach (string tag in new[] { "A", "B", "C" })
                {
                    double[] row = _boards.Rows[$"{b}:{l}:{tag}"];
                    worst = Math.Max(worst, Math.Max(row[3], row[4]));
                }
        Console.WriteLine($"highest jack voltage {worst * 1000:F1} mV (open jack, every board)");
        Assert.IsTrue(worst <= 0.100, $"{worst * 1000:F1} mV");
    }

    [TestMethod]
    public void The_window_plot_of_the_worst_boards_is_drawn()
    {
        var series = new List<SenseWindowPlot.Series>();
        var dense = Enumerable.Range(0, 161).Select(i => Math.Pow(10, -1 + i * 0.05)).Append(double.PositiveInfinity).ToArray();
        foreach (var (b, name, color) in new[] { (SpiceBoards.TopCorner, "highest corner", Colors.Red), (SpiceBoards.ZeroCorner, "lowest corner", Colors.Blue) })
        {
            var p = _boards.Parts[b];
            double vs = SenseNetwork.BufferVolts(p, SenseNetwork.SourceFinalVolts(p));
            double zero = SenseNetwork.AdcVolts(p, 1, 0), src = SenseNetwork.AdcVolts(p, 0, vs);
            double Pin(double ohm, bool low, bool zoom) => SenseNetwork.AdcVolts(p, 1, SenseNetwork.JackVolts(p, 0, vs, ohm, low, true, true), zoom);
            series.Add(new($"{name}: low range", dense, dense.Select(o => Pin(o, true, false)).ToArray(), color, false));
            series.Add(new($"{name}: high range", dense, dense.Select(o => Pin(o, false, false)).ToArray(), color, false, Dashed: true));
            var zoomed = dense.Where(o => (Pin(o, true, false) - zero) / (src - zero) <= SenseDesign.ZoomMaxRatio * DecisionSlack).ToArray();
            series.Add(new($"{name}: zoomed (below 56 Ω)", zoomed, zoomed.Select(o => Pin(o, true, true)).ToArray(), color.Darken(0.4), false));
            var loads = SpiceBoards.Loads;
            series.Add(new($"{name}: ngspice", loads, Enumerable.Range(0, loads.Length).Select(l => _boards.Rows[$"{b}:{l}:A"][1]).ToArray(), color, true));
        }
        double trustedFrom = SimEsp32Adc.MaxZeroOffsetVolts + SenseDesign.AdcMinUsableCode * SimEsp32Adc.MaxFullScaleVolts / SimEsp32Adc.MaxCode;
        double trustedTo = SimEsp32Adc.MinZeroOffsetVolts + SenseDesign.AdcMaxUsableCode * SimEsp32Adc.MinFullScaleVolts / SimEsp32Adc.MaxCode;
        var plot = SenseWindowPlot.Build(series, SimEsp32Adc.LinearFromVolts, SimEsp32Adc.LinearToVolts, trustedFrom, trustedTo);
        string file = Path.Combine(Path.GetTempPath(), $"sense-window-{Environment.ProcessId}.png");
        plot.SavePng(file, 1100, 700);
        Assert.IsTrue(new FileInfo(file).Length > 10_000, "the plot was written");
        if (Environment.GetEnvironmentVariable("AMP_UPDATE_HARDWARE_PLOTS") == "1")
            File.Copy(file, Path.Combine(Path.GetDirectoryName(NgSpice.NetlistPath)!, "sense-window.png"), overwrite: true);
        File.Delete(file);
        foreach (var s in series.Where(s => !s.PointsOnly))
            foreach (double v in s.Volts)
                Assert.IsTrue(v >= trustedFrom && v <= trustedTo, $"{s.Label}: {v:F3} V outside the trusted window");
    }
}
