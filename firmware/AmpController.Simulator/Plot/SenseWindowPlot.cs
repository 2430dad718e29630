using System;
using System.Collections.Generic;
using ScottPlot;

namespace AmpController.Simulator.Plot;

/// <summary>
/// hardware/sense-window.png: ADC pin voltage against the load for chosen boards of the sense front end, with the 11 dB
/// ADC's linear window and the window the estimator trusts on every converter shaded (hardware/README.md, "Window").
/// The tests draw it from the netlist's operating points (ngspice) and the simulator's network.
/// </summary>
public static class SenseWindowPlot
{
    /// <summary>One curve: load in ohms (+∞ is drawn at <see cref="OpenOhm"/>), pin voltage; points only or a line.</summary>
    public sealed record Series(string Label, IReadOnlyList<double> Ohms, IReadOnlyList<double> Volts, Color Color, bool PointsOnly, bool Dashed = false);

    /// <summary>Where "open" is drawn on the logarithmic load axis.</summary>
    public const double OpenOhm = 1e8;

    public static ScottPlot.Plot Build(IEnumerable<Series> series, double linearFrom, double linearTo, double trustedFrom, double trustedTo)
    {
        var plot = new ScottPlot.Plot();
        plot.XLabel("load (Ω, log scale; open drawn at 100 MΩ)");
        plot.YLabel("ESP32 ADC1 pin (V)");
        plot.Title("Sense front end on the 11 dB ADC: every reading inside the trusted window");

        var linear = plot.Add.VerticalSpan(linearFrom, linearTo);
        linear.FillStyle.Color = Colors.Gray.WithAlpha(0.12);
        linear.LineStyle.Width = 0;
        linear.LegendText = $"ADC linear window {linearFrom:0.000}–{linearTo:0.000} V";
        var trusted = plot.Add.VerticalSpan(trustedFrom, trustedTo);
        trusted.FillStyle.Color = Colors.Green.WithAlpha(0.15);
        trusted.LineStyle.Width = 0;
        trusted.LegendText = $"trusted on every board {trustedFrom:0.000}–{trustedTo:0.000} V";

        foreach (var s in series)
        {
            double[] x = new double[s.Ohms.Count];
            double[] y = new double[s.Volts.Count];
            for (int i = 0; i < x.Length; i++)
            {
                double ohm = double.IsPositiveInfinity(s.Ohms[i]) ? OpenOhm : Math.Max(s.Ohms[i], 0.1);
                x[i] = Math.Log10(ohm);
                y[i] = s.Volts[i];
            }
            var scatter = plot.Add.Scatter(x, y);
            scatter.LegendText = s.Label;
            scatter.Color = s.Color;
            scatter.LineWidth = s.PointsOnly ? 0 : 2;
            scatter.MarkerSize = s.PointsOnly ? 7 : 0;
            if (s.Dashed) scatter.LinePattern = LinePattern.Dashed;
        }

        var ticks = new List<Tick>();
        foreach (double ohm in new[] { 0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7 })
            ticks.Add(new Tick(Math.Log10(ohm), ohm >= 1e6 ? $"{ohm / 1e6:0}M" : ohm >= 1e3 ? $"{ohm / 1e3:0}k" : $"{ohm:0.#}"));
        ticks.Add(new Tick(Math.Log10(OpenOhm), "open"));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.SetLimitsY(0, 3.3);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
