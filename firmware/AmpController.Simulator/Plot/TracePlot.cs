using System;
using System.IO;
using System.Linq;
using AmpController.Simulator.Scenario;
using ScottPlot;
using AmpController.Simulator.Vocabulary;

namespace AmpController.Simulator.Plot;

/// <summary>
/// Draws a run as a PNG: the level in the headphone (dBA, left axis, gaps while the relay is open) against the
/// limit, and the real chip settings gain, attenuation and cap (dB, right axis); faults as red markers,
/// plug and unplug as grey ones.
/// </summary>
public static class TracePlot
{
    public const int Width = 1200, Height = 600;

    public static bool TrySave(RunRecord run, string path, out string? error)
    {
        try
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null) Directory.CreateDirectory(folder);
            Build(run).SavePng(path, Width, Height);
            error = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = e.Message;
            return false;
        }
    }

    public static ScottPlot.Plot Build(RunRecord run)
    {
        var samples = run.Samples;
        // Repeat the last state at the end so the step lines reach the end of the scenario.
        double[] t = samples.Select(s => s.TMs / 1000.0).Append(run.Scenario.DurationMs / 1000.0).ToArray();
        double[] Series(Func<Board.BoardSnapshot, double> f)
        {
            var values = samples.Select(f).ToList();
            values.Add(values.Count > 0 ? values[^1] : double.NaN);
            return values.ToArray();
        }

        var plot = new ScottPlot.Plot();
        // The scenario name goes in the x label: the event labels take the top edge.
        plot.XLabel($"time (s) — scenario {run.Scenario.Name}");
        plot.Axes.Left.Label.Text = "level in the headphone (dBA, programme signal)";
        plot.Axes.Right.Label.Text = "chip settings (dB)";

        var level = plot.Add.Scatter(t, Series(s => s.RelayClosed && s.SplDbA is double v ? v : double.NaN));
        Style(level, "level (dBA)", Colors.Blue, 3);

        var limit = plot.Add.HorizontalLine(run.Scenario.Board.LimitDbA);
        limit.LineColor = Colors.Red;
        limit.LinePattern = LinePattern.Dashed;
        limit.LegendText = $"limit {run.Scenario.Board.LimitDbA:0} dBA";

        var right = plot.Axes.Right;
        var gain = plot.Add.Scatter(t, Series(s => s.GainDb));
        Style(gain, "gain (dB)", Colors.Green, 2);
        gain.Axes.YAxis = right;
        var attenuation = plot.Add.Scatter(t, Series(s => s.AttenuationDb));
        Style(attenuation, "attenuation (dB)", Colors.Orange, 2);
        attenuation.Axes.YAxis = right;
        var cap = plot.Add.Scatter(t, Series(s => s.CapDb is int c ? c : double.NaN));
        Style(cap, "cap (dB)", Colors.Purple, 2);
        cap.LinePattern = LinePattern.Dotted;
        cap.Axes.YAxis = right;

        foreach (var e in run.Scenario.Events)
        {
            (string label, Color color) = e switch
            {
                FaultEvent f => ($"fault: {f.Fault.Kind.Name()}", Colors.Red),
                PlugEvent p => (p.Load.HalfInserted ? "half plug" : "plug", Colors.Gray),
                UnplugEvent => ("unplug", Colors.Gray),
                _ => ("", Colors.Transparent),
            };
            if (label.Length == 0) continue;
            var marker = plot.Add.VerticalLine(e.AtMs / 1000.0);
            marker.Color = color.WithAlpha(0.8);
            marker.LinePattern = LinePattern.Dashed;
            marker.Text = label;
            marker.LabelOppositeAxis = true;
        }

        plot.ShowLegend(Alignment.LowerRight);
        plot.Layout.Fixed(new PixelPadding(80, 80, 60, 40)); // left, right, bottom, top: room for the marker labels

        return plot;
    }

    static void Style(ScottPlot.Plottables.Scatter series, string name, Color color, float width)
    {
        series.LegendText = name;
        series.Color = color;
        series.LineWidth = width;
        series.MarkerSize = 0;
        series.ConnectStyle = ConnectStyle.StepHorizontal;
    }
}
