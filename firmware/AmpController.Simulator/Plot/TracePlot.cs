using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AmpController.Simulator.Board;
using AmpController.Simulator.Scenario;
using AmpController.Simulator.Vocabulary;
using ScottPlot;

namespace AmpController.Simulator.Plot;

/// <summary>
/// Draws a run as one PNG of four panels over a shared time axis: the scenario's events (labels in rows that never
/// overlap: plugs, knob turns, mute and button presses with their hold, short or long); the level in the headphone
/// against the limit and the cap, all in dBA, with the acknowledged tier shaded and its limit drawn when it was in force
/// (S12, issue 16); the real chip settings (gain, attenuation, cap in dB); and a band for the output relay (open,
/// closed and muted, music).
/// </summary>
public static class TracePlot
{
    public const int Width = 1300, Height = 900;

    // Same left/right padding on every panel so that their data areas line up; the legends sit in the right margin.
    const float Left = 90, Right = 210;
    const int GridRows = 16;
    const float LabelCharPx = 7.2f, LabelPadPx = 14; // 11 pt label text, measured on the rendered PNGs

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

    public static Multiplot Build(RunRecord run)
    {
        var samples = run.Samples;
        double end = run.Scenario.DurationMs / 1000.0;
        // Repeat the last state at the end so the step lines reach the end of the scenario.
        double[] t = samples.Select(s => s.TMs / 1000.0).Append(end).ToArray();
        double[] Series(Func<BoardSnapshot, double> f) => samples.Select(f).Append(samples.Count > 0 ? f(samples[^1]) : double.NaN).ToArray();

        var multiplot = new Multiplot();
        multiplot.RemovePlot(multiplot.GetPlot(0)); // a new Multiplot starts with one empty plot
        var grid = new ScottPlot.MultiplotLayouts.CustomGrid();
        multiplot.Layout = grid;
        var events = Panel(multiplot, grid, 0, 2, "events", top: 40);
        var level = Panel(multiplot, grid, 2, 6, "level in the headphone (dBA)");
        var chips = Panel(multiplot, grid, 8, 5, "chip settings (dB)");
        var relay = Panel(multiplot, grid, 13, 3, "output relay", bottom: 50);
        events.Title($"{run.Scenario.Name}: level, chip settings and relay over time (docs/scenarios.md)");
        relay.XLabel("time (s)");
        relay.Axes.Bottom.TickLabelStyle.IsVisible = true;

        double limitDbA = run.Scenario.Board.LimitDbA;
        Line(level.Add.Scatter(t, Series(s => s.RelayClosed && s.SplDbA is double v ? v : double.NaN)), "level", Colors.Blue, 3);
        var limit = level.Add.HorizontalLine(limitDbA, 2, Colors.Red, LinePattern.Dashed);
        limit.LegendText = $"limit {limitDbA:0} dBA";
        // The cap as a level: where the same headphone would be with the attenuator at the cap (1 dB of attenuation
        // is 1 dB of level); defined only while music plays, since the level is.
        var capDbA = Line(level.Add.Scatter(t, Series(s => s.RelayClosed && !s.Muted && s.SplDbA is double v && s.CapDb is int c
            ? v - s.AttenuationDb + c : double.NaN)), "cap (dBA)", Colors.Purple, 2);
        capDbA.LinePattern = LinePattern.Dotted;
        TierSpans(level, samples, end, run.Scenario.Board.AckLimitDbA);
        level.Axes.SetLimitsY(LevelRange(samples, Math.Max(limitDbA, samples.Any(s => s.Tier == "acknowledged") ? run.Scenario.Board.AckLimitDbA : limitDbA)));

        Line(chips.Add.Scatter(t, Series(s => s.GainDb)), "gain", Colors.Green, 2);
        Line(chips.Add.Scatter(t, Series(s => s.AttenuationDb)), "attenuation", Colors.Orange, 2);
        var capDb = Line(chips.Add.Scatter(t, Series(s => s.CapDb is int c ? c : double.NaN)), "cap (dB)", Colors.Purple, 2);
        capDb.LinePattern = LinePattern.Dotted;

        RelayBand(relay, samples, end);
        EventRows(events, run, end);
        foreach (var panel in new[] { level, chips, relay })
            foreach (var e in Labelled(run))
            {
                var line = panel.Add.VerticalLine(e.AtMs / 1000.0, 1, e.Color.WithAlpha(0.6), LinePattern.Dashed);
                line.ExcludeFromLegend = true;
            }

        foreach (var panel in new[] { events, level, chips, relay }) panel.Axes.SetLimitsX(0, end);
        multiplot.SharedAxes.ShareX([events, level, chips, relay]);
        return multiplot;
    }

    static ScottPlot.Plot Panel(Multiplot multiplot, ScottPlot.MultiplotLayouts.CustomGrid grid, int row, int rows, string label,
        float top = 8, float bottom = 8)
    {
        var plot = multiplot.AddPlot();
        grid.Set(plot, new GridCell(row, 0, GridRows, 1, rows, 1));
        plot.Layout.Fixed(new PixelPadding(Left, Right, bottom, top));
        plot.Axes.Left.Label.Text = label;
        plot.Axes.Left.Label.FontSize = 13;
        plot.Axes.Bottom.TickLabelStyle.IsVisible = false;
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    static ScottPlot.Plottables.Scatter Line(ScottPlot.Plottables.Scatter series, string name, Color color, float width)
    {
        series.LegendText = name;
        series.Color = color;
        series.LineWidth = width;
        series.MarkerSize = 0;
        series.ConnectStyle = ConnectStyle.StepHorizontal;
        return series;
    }

    /// <summary>From 10 dB below the quietest level (or 30 dBA) to 5 dB above the limit.</summary>
    static AxisLimits LevelRange(IEnumerable<BoardSnapshot> samples, double limitDbA)
    {
        var levels = samples.Where(s => s.RelayClosed && s.SplDbA is not null).Select(s => s.SplDbA!.Value).ToList();
        double low = levels.Count == 0 ? 30 : Math.Min(30, Math.Floor(levels.Min() / 10) * 10 - 10);
        return new AxisLimits(0, 1, low, Math.Max(limitDbA, levels.DefaultIfEmpty(0).Max()) + 5);
    }

    enum RelayState { Open, ClosedMuted, Music }

    static readonly (RelayState State, string Name, Color Color)[] RelayStates =
    [
        (RelayState.Open, "open", Colors.LightGray),
        (RelayState.ClosedMuted, "closed, muted", Colors.Orange),
        (RelayState.Music, "closed, music", Colors.ForestGreen),
    ];

    static RelayState StateOf(BoardSnapshot s) =>
        !s.RelayClosed ? RelayState.Open : s.Muted || s.SplDbA is null ? RelayState.ClosedMuted : RelayState.Music;

    /// <summary>One rectangle per stretch of equal relay state; each state named once in the legend.</summary>
    static void RelayBand(ScottPlot.Plot plot, IReadOnlyList<BoardSnapshot> samples, double end)
    {
        var named = new HashSet<RelayState>();
        for (int i = 0; i < samples.Count; i++)
        {
            var state = StateOf(samples[i]);
            int j = i;
            while (j + 1 < samples.Count && StateOf(samples[j + 1]) == state) j++;
            double from = samples[i].TMs / 1000.0, to = j + 1 < samples.Count ? samples[j + 1].TMs / 1000.0 : end;
            var style = RelayStates.First(r => r.State == state);
            var box = plot.Add.Rectangle(from, to, 0, 1);
            box.FillColor = style.Color;
            box.LineWidth = 0;
            if (named.Add(state)) box.LegendText = style.Name;
            i = j;
        }
        foreach (var style in RelayStates.Where(r => !named.Contains(r.State)))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = style.Name, FillColor = style.Color });
        plot.Axes.SetLimitsY(0, 1);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
    }

    sealed record Marker(long AtMs, string Text, Color Color);

    static IEnumerable<Marker> Labelled(RunRecord run) => run.Scenario.Events.Select(e => e switch
    {
        FaultEvent f => new Marker(e.AtMs, $"fault: {f.Fault.Kind.Name()}", Colors.Red),
        PlugEvent p => new Marker(e.AtMs, p.Load.HalfInserted ? "half plug" : "plug", Colors.Gray),
        UnplugEvent => new Marker(e.AtMs, "unplug", Colors.Gray),
        EncoderEvent k => new Marker(e.AtMs, $"knob {k.Detents:+0;-0}", Colors.SteelBlue),
        MuteEvent => new Marker(e.AtMs, "mute", Colors.SteelBlue),
        ButtonPressEvent b => new Marker(e.AtMs, PressLabel(b.HoldMs), b.HoldMs >= AmpController.Core.Input.ButtonGesture.LongPressMs ? Colors.DarkViolet : Colors.SteelBlue),
        _ => null,
    }).OfType<Marker>();

    /// <summary>"press 0.2 s" (a short press: mute) or "long press 2.0 s" (S12: confirms an offer or unlocks the tier).</summary>
    internal static string PressLabel(int holdMs) =>
        (holdMs >= AmpController.Core.Input.ButtonGesture.LongPressMs ? "long press " : "press ")
        + (holdMs / 1000.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s";

    /// <summary>The stretches in the acknowledged tier shaded on the level panel, and its limit drawn (S12).</summary>
    static void TierSpans(ScottPlot.Plot plot, IReadOnlyList<BoardSnapshot> samples, double end, double ackLimitDbA)
    {
        bool named = false;
        for (int i = 0; i < samples.Count; i++)
        {
            if (samples[i].Tier != "acknowledged") continue;
            int j = i;
            while (j + 1 < samples.Count && samples[j + 1].Tier == "acknowledged") j++;
            double from = samples[i].TMs / 1000.0, to = j + 1 < samples.Count ? samples[j + 1].TMs / 1000.0 : end;
            var span = plot.Add.HorizontalSpan(from, to, Colors.Gold.WithAlpha(0.25));
            span.LegendText = named ? "" : "acknowledged tier"; // an empty text keeps the later spans out of the legend
            named = true;
            i = j;
        }
        if (!named) return;
        var ceiling = plot.Add.HorizontalLine(ackLimitDbA, 2, Colors.DarkOrange, LinePattern.Dashed);
        ceiling.LegendText = $"tier limit {ackLimitDbA:0} dBA";
    }

    /// <summary>Event labels left-aligned at their time, in rows chosen by <see cref="LabelRows"/>.</summary>
    static void EventRows(ScottPlot.Plot plot, RunRecord run, double end)
    {
        double secondsPerPixel = end / (Width - Left - Right);
        var markers = Labelled(run).ToList();
        var rows = LabelRows(markers.Select(m => (m.AtMs / 1000.0, (m.Text.Length * LabelCharPx + LabelPadPx) * secondsPerPixel)).ToList());
        for (int i = 0; i < markers.Count; i++)
        {
            var m = markers[i];
            var tick = plot.Add.VerticalLine(m.AtMs / 1000.0, 1, m.Color.WithAlpha(0.6), LinePattern.Dashed);
            tick.ExcludeFromLegend = true;
            var text = plot.Add.Text(m.Text, m.AtMs / 1000.0, rows[i] + 0.5);
            text.Alignment = Alignment.MiddleLeft;
            text.LabelFontSize = 11;
            text.LabelFontColor = Colors.White;
            text.LabelBackgroundColor = m.Color;
            text.LabelPadding = 3;
        }
        plot.Axes.SetLimitsY(Math.Max(1, rows.DefaultIfEmpty(0).Max() + 1), 0); // first row at the top
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.HideGrid();
    }

    /// <summary>For labels sorted by start: each goes to the first row whose last label ends at or before its start.</summary>
    internal static int[] LabelRows(IReadOnlyList<(double Start, double Width)> labels)
    {
        var rowEnds = new List<double>();
        var rows = new int[labels.Count];
        for (int i = 0; i < labels.Count; i++)
        {
            int row = rowEnds.FindIndex(e => e <= labels[i].Start);
            if (row < 0) { row = rowEnds.Count; rowEnds.Add(0); }
            rowEnds[row] = labels[i].Start + labels[i].Width;
            rows[i] = row;
        }
        return rows;
    }
}
