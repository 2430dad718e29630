using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AmpController.Core.LoadWatch;
using AmpController.Simulator.Board;
using AmpController.Simulator.Scenario;
using AmpController.Tests.Cli;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.LoadWatch;

/// <summary>
/// Issue 19 item 3 as regression scenarios (tests/scenarios/load-watch/*.json) run through `ampsim run`, and the board
/// facts they rest on: a `plug` while plugged is a swap the detectors see with no jack event; silence hides it.
/// </summary>
[TestClass]
public class LoadWatchScenarioTests
{
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                string p = Path.Combine(dir.FullName, "tests", "scenarios", "load-watch");
                if (Directory.Exists(p)) return p;
            }
            throw new DirectoryNotFoundException("tests/scenarios/load-watch not found");
        }
    }

    public static IEnumerable<object[]> Scenarios =>
        Directory.GetFiles(Folder, "*.json").OrderBy(f => f).Select(f => new object[] { Path.GetFileNameWithoutExtension(f) });

    [TestMethod]
    [DynamicData(nameof(Scenarios))]
    public void S7_load_swap_scenario_meets_its_expectations_through_ampsim_run(string name)
    {
        var r = AmpSim.Run("run", Path.Combine(Folder, name + ".json"));
        Assert.AreEqual(0, r.ExitCode, r.Stdout + r.Stderr);
        StringAssert.Contains(r.Stdout, "expectations met");
    }

    [TestMethod]
    public void S7_every_swap_scenario_checks_something_about_the_swap()
    {
        foreach (string file in Directory.GetFiles(Folder, "*.json"))
        {
            var spec = ScenarioLoader.Parse(File.ReadAllText(file));
            Assert.IsTrue(spec.Events.OfType<PlugEvent>().Count() >= 2, $"{file}: no swap");
            Assert.IsTrue(spec.Expect.Count >= 2, $"{file}: too few expectations");
        }
    }

    [TestMethod]
    public void S7_the_issue_scenario_without_the_load_watch_plays_above_the_limit_to_the_end()
    {
        var spec = ScenarioLoader.Parse(File.ReadAllText(Path.Combine(Folder, "swap-600-to-15-iem.json")));
        var without = spec with { Board = spec.Board with { LoadWatch = false } };
        var record = ScenarioRunner.Run(without, c => new SimulatedBoard(c));
        var end = record.Samples[^1];
        Assert.IsTrue(end.SplDbA > 105, $"without the watch the IEM plays at {end.SplDbA} dBA at the end");
        var with = ScenarioRunner.Run(spec, c => new SimulatedBoard(c));
        Assert.IsTrue(with.Samples[^1].SplDbA <= 85, $"with it: {with.Samples[^1].SplDbA} dBA");
    }

    [TestMethod]
    public void A_plug_while_plugged_changes_what_the_detectors_see_without_a_jack_event()
    {
        var board = new SimulatedBoard(new BoardConfig(Seed: 3, LoadWatch: false));
        board.Plug(new HeadphoneLoad(300, 300, 97));
        for (int i = 0; i < 150; i++) board.Tick();
        board.TurnEncoder(15);
        for (int i = 0; i < 100; i++) board.Tick();
        Assert.AreEqual("playing", board.Controller.StateName);
        double ampsBefore = board.LoadWatch.Left.LastPeakAmps, zPinBefore = board.LoadWatch.Left.ZPinVolts;
        int closings = board.Relay.Closings;
        board.Plug(new HeadphoneLoad(15, 15, 137));
        for (int i = 0; i < 10; i++)
        {
            board.Tick();
            Assert.IsTrue(board.JackSwitch.Level, "the jack switch stays closed");
        }
        Assert.AreEqual(closings, board.Relay.Closings);
        Assert.IsTrue(board.LoadWatch.Left.LastPeakAmps > 10 * ampsBefore, $"{board.LoadWatch.Left.LastPeakAmps} A vs {ampsBefore} A");
        Assert.IsTrue(board.LoadWatch.Left.ZPinVolts < zPinBefore - 0.5, $"|Z| pin {board.LoadWatch.Left.ZPinVolts} V vs {zPinBefore} V");
    }

    [TestMethod]
    public void A_silent_programme_drives_nothing_and_the_level_pin_falls_below_the_threshold()
    {
        var board = new SimulatedBoard(new BoardConfig(Seed: 4));
        board.Plug(new HeadphoneLoad(32, 32, 113));
        for (int i = 0; i < 150; i++) board.Tick();
        board.TurnEncoder(30);
        for (int i = 0; i < 50; i++) board.Tick();
        board.SetProgrammeSilent(true);
        for (int i = 0; i < 50; i++) board.Tick();
        Assert.AreEqual(0, board.LoadWatch.Left.LastPeakVolts);
        double threshold = PinVolts.Level(LoadWatchDesign.MinPeakVolts);
        Assert.IsTrue(board.LoadWatch.Left.LevelPinVolts < threshold, $"{board.LoadWatch.Left.LevelPinVolts} V");
        board.SetProgrammeSilent(false);
        board.Tick();
        Assert.IsTrue(board.LoadWatch.Left.LastPeakVolts > 0);
    }

    [TestMethod]
    public void Programme_event_parses_and_rejects_a_missing_flag()
    {
        var spec = ScenarioLoader.Parse("{\"name\":\"p\",\"durationMs\":100,\"events\":[{\"atMs\":10,\"programme\":{\"silent\":true}},{\"atMs\":20,\"programme\":{\"silent\":false}}]}");
        CollectionAssert.AreEqual(new[] { true, false }, spec.Events.OfType<ProgrammeEvent>().Select(e => e.Silent).ToArray());
        var e = Assert.ThrowsExactly<ScenarioException>(() => ScenarioLoader.Parse("{\"name\":\"p\",\"durationMs\":100,\"events\":[{\"atMs\":10,\"programme\":{}}]}"));
        StringAssert.Contains(e.Message, "$.events[0].programme.silent");
    }
}
