using System.IO;
using AmpController.Simulator.Scenario;
using AmpController.Tests.Cli;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static AmpController.Tests.Simulator.ScenarioFilesForTests;
using AmpController.Simulator.Board;

namespace AmpController.Tests.Simulator;

[TestClass]
public class ScenarioValidationTests
{
    const string Plug = "{'atMs':100,'plug':{'leftOhm':300,'rightOhm':300,'sensitivity':97,'unit':'dB/V'}}";

    [TestMethod]
    // unknown fields
    [DataRow("{'name':'t','durationMs':100,'events':[],'colour':1}", "$.colour: unknown field 'colour'")]
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':1,'plug':{'leftOhm':3,'rightOhm':3,'volts':1}}]}", "$.events[0].plug.volts: unknown field")]
    [DataRow("{'name':'t','durationMs':100,'events':[],'board':{'volumeChip':'DS1882','bus':1}}", "$.board.bus: unknown field")]
    [DataRow("{'name':'t','durationMs':100,'events':[],'expect':[{'minSplDbA':3}]}", "$.expect[0].minSplDbA: unknown field")]
    // wrong types
    [DataRow("{'name':'t','durationMs':'4000','events':[]}", "$.durationMs: expected a whole number, found the string \"4000\"")]
    [DataRow("{'name':5,'durationMs':100,'events':[]}", "$.name: expected a string")]
    [DataRow("{'name':'t','durationMs':2000,'events':[" + Plug + ",{'atMs':200,'encoder':'up'}]}", "$.events[1].encoder: expected a whole number")]
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':2.5,'unplug':{}}]}", "$.events[0].atMs: expected a whole number, found 2.5")]
    [DataRow("{'name':'t','durationMs':100,'events':{}}", "$.events: expected an array")]
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':1,'plug':{'leftOhm':3,'rightOhm':3,'halfInserted':'yes'}}]}", "$.events[0].plug.halfInserted: expected true or false")]
    // negative, unsorted and out-of-range times
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':-5,'unplug':{}}]}", "$.events[0].atMs: negative value -5")]
    [DataRow("{'name':'t','durationMs':-1,'events':[]}", "$.durationMs: negative value -1")]
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':900,'unplug':{}},{'atMs':500,'unplug':{}}]}", "$.events[1].atMs: 500 ms is before the previous event at 900 ms")]
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':5000,'unplug':{}}]}", "$.events[0].atMs: 5000 ms is after the end of the scenario (durationMs 2000)")]
    // unknown values
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':1,'fault':{'kind':'foo'}}]}", "$.events[0].fault.kind: unknown fault kind 'foo' (expected nack, stuckBus, chipReset, bitFlip, adcSpike, powerCycle, partialTransfer, stall, missing, runtimeHang)")]
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':1,'fault':{'kind':'nack','device':'dac'}}]}", "$.events[0].fault.device: unknown device 'dac' (expected volume, expander, board, sense)")]
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':1,'fault':{'kind':'nack','device':'board'}}]}", "$.events[0].fault.device: fault kind nack cannot hit device 'board' (expected volume, expander)")]
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':1,'fault':{'kind':'adcSpike','device':'volume'}}]}", "$.events[0].fault.device: fault kind adcSpike cannot hit device 'volume' (expected sense)")]
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':1,'plug':{'leftOhm':3,'rightOhm':3,'sensitivity':97,'unit':'dB/W'}}]}", "$.events[0].plug.unit: unknown unit 'dB/W' (expected dB/mW, dB/V)")]
    [DataRow("{'name':'t','durationMs':100,'events':[],'board':{'volumeChip':'TDA7439'}}", "$.board.volumeChip: unknown volume chip 'TDA7439'")]
    [DataRow("{'name':'t','durationMs':100,'events':[],'profiles':[{'name':'x','impedanceOhm':32,'sensitivity':100,'unit':'dB'}]}", "$.profiles[0].unit: unknown unit 'dB'")]
    [DataRow("{'name':'t','durationMs':100,'events':[],'settings':{'limitDbA':120}}", "$.settings.limitDbA: 120 is out of range")]
    // missing required fields and malformed events
    [DataRow("{'durationMs':100,'events':[]}", "$.name: missing required field")]
    [DataRow("{'name':'t','events':[]}", "$.durationMs: missing required field")]
    [DataRow("{'name':'t','durationMs':100}", "$.events: missing required field")]
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':1,'plug':{'rightOhm':3}}]}", "$.events[0].plug.leftOhm: missing required field")]
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':1,'fault':{'count':3}}]}", "$.events[0].fault.kind: missing required field")]
    [DataRow("{'name':'t','durationMs':2000,'events':[{'plug':{'leftOhm':3,'rightOhm':3}}]}", "$.events[0].atMs: missing required field")]
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':1}]}", "$.events[0]: missing action (expected one of plug, unplug, encoder, mute, button, fault, programme)")]
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':1,'unplug':{},'encoder':3}]}", "$.events[0]: more than one action")]
    [DataRow("{'name':'t','durationMs':2000,'events':[{'atMs':1,'unplug':{'now':true}}]}", "$.events[0].unplug.now: unknown field")]
    [DataRow("{'name':'t','durationMs':2000,'events':[],'expect':[{'stateAt':{'atMs':5}}]}", "$.expect[0].stateAt: stateAt needs at least one of")]
    // repeated fields, nulls, values of the wrong kind, controller states (checked when the file is loaded)
    [DataRow("{'name':'t','name':'u','durationMs':100,'events':[]}", "$.name: field 'name' appears twice")]
    [DataRow("{'name':'t','durationMs':100,'events':[],'seed':null}", "$.seed: expected a whole number, found null")]
    [DataRow("{'name':'t','durationMs':100,'events':[],'board':{'volumeChip':5}}", "$.board.volumeChip: expected a string, found the number 5")]
    [DataRow("{'name':'t','durationMs':100,'events':[{'atMs':1,'mute':3}]}", "$.events[0].mute: expected {} or true, found the number 3")]
    [DataRow("{'name':'t','durationMs':100,'events':[],'expect':[{'stateAt':{'atMs':5,'state':'plaing'}}]}", "$.expect[0].stateAt.state: unknown controller state 'plaing' (expected safeStart, unplugged, debounce, measuring, noLoad, configuring, rampUp, playing, fault, recovering, safeMode, off)")]
    [DataRow("{'name':'t','durationMs':100,'events':[],'expect':[{}]}", "$.expect[0]: empty expectation (expected one of maxSplDbA,")]
    [DataRow("{'name':'t','durationMs':100,'events':[],'profiles':[{'name':'x','impedanceOhm':32,'sensitivity':100}]}", "$.profiles[0].unit: missing required field")]
    [DataRow("{'name':'t','durationMs':100,'events':[],'seed':99999999999}", "$.seed: 99999999999 is out of range (-2147483648..2147483647)")]
    [DataRow("{'name':'t','durationMs':100,'events':[],'we ird':1}", "$['we ird']: unknown field 'we ird'")]
    [DataRow("{'name':'t','durationMs':100,'events':[[]]}", "$.events[0]: expected an object, found an array")]
    [DataRow("{'name':'t','durationMs':100,'events':[{'atMs':1,'unplug':false}]}", "$.events[0].unplug: expected {} or true, found the boolean false")]
    [DataRow("{'name':'t','durationMs':1e400,'events':[]}", "$.durationMs: expected a whole number, found 1e400")]
    [DataRow("{'name':'t',", "$: not valid JSON")]
    [DataRow("[1,2]", "$: expected an object, found an array")]
    public void Bad_scenario_exits_2_with_one_line_naming_the_json_path(string json, string expected)
    {
        string file = Write(json);
        try
        {
            var r = AmpSim.Run("run", file);
            Assert.AreEqual(2, r.ExitCode, r.Stderr);
            Assert.AreEqual(1, r.Stderr.TrimEnd().Split('\n').Length, r.Stderr);
            StringAssert.Contains(r.Stderr, expected);
            Assert.AreEqual("", r.Stdout);
        }
        finally { File.Delete(file); }
    }

    [TestMethod]
    public void Missing_file_is_bad_input()
    {
        var r = AmpSim.Run("run", "/nonexistent/scenario.json");
        Assert.AreEqual(2, r.ExitCode);
        StringAssert.Contains(r.Stderr, "cannot read '/nonexistent/scenario.json'");
    }

    [TestMethod]
    public void A_folder_instead_of_a_file_is_bad_input_with_one_clear_line()
    {
        string dir = Path.GetTempPath().TrimEnd('/');
        var r = AmpSim.Run("run", dir);
        Assert.AreEqual(2, r.ExitCode);
        Assert.AreEqual(1, r.Stderr.TrimEnd().Split('\n').Length, r.Stderr);
        StringAssert.Contains(r.Stderr, $"'{dir}' is a folder; give a scenario file");
    }

    [TestMethod]
    [DataRow(new[] { "run" }, "missing SCENARIO.json")]
    [DataRow(new[] { "run", "a.json", "--colour" }, "unknown option '--colour'")]
    [DataRow(new[] { "run", "a.json", "--trace" }, "option --trace needs a value")]
    [DataRow(new[] { "run", "a.json", "b.json" }, "unexpected argument 'b.json'")]
    public void Bad_command_line_exits_2(string[] args, string expected)
    {
        var r = AmpSim.Run(args);
        Assert.AreEqual(2, r.ExitCode);
        StringAssert.Contains(r.Stderr, expected);
    }

    [TestMethod]
    public void The_example_of_design_md_section_7_parses_as_written_with_its_comments()
    {
        const string example = """
            { "name": "hd600-plug", "seed": 7, "durationMs": 4000,
              "board": { "volumeChip": "DS1882" },                       // optional overrides
              "settings": { "limitDbA": 85, "safeDefaultDbA": 70 },        // optional user settings
              "profiles": [ { "name": "HD600", "impedanceOhm": 300, "sensitivity": 97, "unit": "dB/mW" } ],
              "events": [
                { "atMs": 100,  "plug": { "leftOhm": 300, "rightOhm": 300, "sensitivity": 97, "unit": "dB/mW" } },
                { "atMs": 900,  "encoder": 12 },                          // detents, + louder
                { "atMs": 1500, "fault": { "kind": "chipReset", "device": "volume" } },
                { "atMs": 2000, "fault": { "kind": "nack", "device": "expander", "count": 5 } },
                { "atMs": 3000, "unplug": {} } ],
              "expect": [ { "maxSplDbA": 85 } ] }
            """;
        var s = ScenarioLoader.Parse(example);
        Assert.AreEqual("hd600-plug", s.Name);
        Assert.AreEqual(5, s.Events.Count);
        var plug = (PlugEvent)s.Events[0];
        // docs/design.md §5: S_dB/V = S_dB/mW + 10·log10(1000/Z) = 97 + 10·log10(1000/300) = 102.23
        Assert.AreEqual(102.23, plug.Load.SensitivityDbPerV, 0.01);
        var nack = (FaultEvent)s.Events[3];
        Assert.AreEqual((BoardFaultKind.Nack, FaultDevice.Expander, 5), (nack.Fault.Kind, nack.Fault.Device, nack.Fault.Count));
        Assert.AreEqual(85, ((MaxSplExpectation)s.Expect[0]).MaxSplDbA);
        Assert.AreEqual("HD600", s.Board.Profiles![0].Name);
    }

    [TestMethod]
    public void Comments_trailing_commas_and_any_case_of_a_unit_are_accepted()
    {
        var s = ScenarioLoader.Parse("""
            { "name": "t", "durationMs": 1000, // a comment
              "events": [ { "atMs": 0, "plug": { "leftOhm": 32, "rightOhm": 32, "sensitivity": 100, "unit": "DB/V", }, }, ],
            }
            """);
        Assert.AreEqual(AmpController.Core.Acoustics.SensitivityUnit.DbPerV, ((PlugEvent)s.Events[0]).UnitGiven);
    }

    [TestMethod]
    public void Every_built_in_scenario_is_valid_and_there_is_one_per_demo_topic()
    {
        var names = ScenarioFiles.BuiltInNames;
        foreach (var topic in new[] { "hd600", "iem", "planar", "mono", "chip-reset", "bus-fault" })
            Assert.IsTrue(System.Linq.Enumerable.Any(names, n => n.Contains(topic)), $"no built-in scenario for {topic}: {string.Join(", ", names)}");
        foreach (var name in names)
        {
            var s = ScenarioFiles.BuiltIn(name);
            Assert.IsTrue(s.Expect.Count > 0, $"{name} has no expectations");
            Assert.IsNotNull(s.Description, $"{name} has no description for the demo");
        }
    }
}

[TestClass]
public class RunOutputErrorTests
{
    [TestMethod]
    public void An_unwritable_trace_path_is_bad_input_with_one_line()
    {
        string scenario = Write(Valid());
        try
        {
            var r = AmpSim.Run("run", scenario, "--trace", "/nonexistent-dir/t.jsonl");
            Assert.AreEqual(2, r.ExitCode);
            Assert.AreEqual(1, r.Stderr.TrimEnd().Split('\n').Length, r.Stderr);
            StringAssert.Contains(r.Stderr, "cannot write trace '/nonexistent-dir/t.jsonl'");
        }
        finally { File.Delete(scenario); }
    }
}
