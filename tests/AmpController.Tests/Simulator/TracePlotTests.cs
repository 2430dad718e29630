using System.IO;
using System.Linq;
using AmpController.Simulator.Plot;
using AmpController.Simulator.Scenario;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Simulator;

[TestClass]
public class TracePlotTests
{
    [TestMethod]
    public void Event_labels_that_would_touch_go_to_different_rows_and_free_rows_are_reused()
    {
        // (start s, width s): b starts inside a, c inside b, d after all of them.
        var rows = TracePlot.LabelRows([(0.0, 1.0), (0.5, 1.0), (1.2, 0.5), (3.0, 0.5)]);
        CollectionAssert.AreEqual(new[] { 0, 1, 0, 0 }, rows);
        var labels = new (double Start, double Width)[] { (0, 0.3), (0.1, 0.3), (0.2, 0.3), (0.25, 0.3), (0.9, 0.2) };
        rows = TracePlot.LabelRows(labels);
        for (int i = 0; i < labels.Length; i++)
            for (int j = i + 1; j < labels.Length; j++)
                if (rows[i] == rows[j])
                    Assert.IsTrue(labels[i].Start + labels[i].Width <= labels[j].Start, $"labels {i} and {j} overlap in row {rows[i]}");
    }

    [TestMethod]
    public void A_run_plot_has_four_panels_on_one_time_axis()
    {
        var spec = ScenarioFiles.BuiltIn(ScenarioFiles.BuiltInNames.First(n => n.Contains("bus-fault")));
        var record = ScenarioRunner.Run(spec, AmpController.Simulator.Scenario.BoardFactory.Create);
        var plot = TracePlot.Build(record);
        var panels = plot.Subplots.GetPlots();
        Assert.AreEqual(4, panels.Length, "events, level (dBA), chip settings (dB), relay");
        CollectionAssert.AreEqual(new[] { "events", "level in the headphone (dBA)", "chip settings (dB)", "output relay" },
            panels.Select(p => p.Axes.Left.Label.Text).ToArray());
        string png = ScenarioFilesForTests.TempPath(".png");
        try
        {
            Assert.IsTrue(TracePlot.TrySave(record, png, out string? error), error);
            Assert.IsTrue(new FileInfo(png).Length > 10_000);
        }
        finally { File.Delete(png); }
    }

    /// <summary>Issue 16: presses are labelled with their hold (short: mute; long: S12), and the acknowledged tier is shaded with its limit.</summary>
    [TestMethod]
    public void Presses_and_the_acknowledged_tier_are_visible_on_the_run_plot()
    {
        Assert.AreEqual("press 0.2 s", TracePlot.PressLabel(200));
        Assert.AreEqual("long press 2.0 s", TracePlot.PressLabel(2000));
        Assert.AreEqual("long press 1.5 s", TracePlot.PressLabel(1500));
        var spec = ScenarioFiles.BuiltIn(ScenarioFiles.BuiltInNames.First(n => n.Contains("acknowledged-tier")));
        var record = ScenarioRunner.Run(spec, AmpController.Simulator.Scenario.BoardFactory.Create);
        Assert.IsTrue(record.Samples.Any(s => s.Tier == "acknowledged"), "the scenario reaches the tier");
        var panels = TracePlot.Build(record).Subplots.GetPlots();
        var events = panels[0].GetPlottables().OfType<ScottPlot.Plottables.Text>().Select(t => t.LabelText).ToList();
        CollectionAssert.IsSubsetOf(new[] { "long press 2.0 s", "press 0.2 s" }, events);
        var level = panels[1].GetPlottables().ToList();
        var spans = level.OfType<ScottPlot.Plottables.HorizontalSpan>().ToList();
        Assert.AreEqual(1, spans.Count, "one stretch in the tier");
        Assert.AreEqual("acknowledged tier", spans[0].LegendText);
        Assert.AreEqual(100, level.OfType<ScottPlot.Plottables.HorizontalLine>().Max(l => l.Y), "the tier's limit is drawn");
    }
}
