using System.IO;
using AmpController.Simulator.Commands;
using AmpController.Simulator.Scenario;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static AmpController.Tests.Simulator.ScenarioFilesForTests;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Simulator;

[TestClass]
public class ExpectationTests
{
    static (int Code, string Stdout, string Stderr) Run(string json, double extraDb = 0)
    {
        string file = Write(json);
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = new RunCommand(c => new FakeBoard(c) { ExtraDb = extraDb }).Run([file], stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally { File.Delete(file); }
    }

    [TestMethod]
    public void Met_expectations_exit_0_with_a_summary()
    {
        var r = Run(Valid());
        Assert.AreEqual(0, r.Code, r.Stderr);
        StringAssert.Contains(r.Stdout, "1 of 1 expectations met");
    }

    [TestMethod]
    public void A_level_above_maxSplDbA_exits_1_saying_which_expectation_when_and_the_value()
    {
        var r = Run(Valid().Replace("'encoder':12", "'encoder':40"), extraDb: 6); // the double lets the knob go 6 dB past the cap
        Assert.AreEqual(1, r.Code);
        StringAssert.Matches(r.Stderr, new System.Text.RegularExpressions.Regex(
            @"expectation \$\.expect\[0\]\.maxSplDbA \(maxSplDbA 85\.0\) failed: at 910 ms splDbA was 90\.0 dBA"));
    }

    [TestMethod]
    [DataRow("{'stateAt':{'atMs':500,'state':'unplugged'}}", "expectation $.expect[0].stateAt (stateAt 500 ms state unplugged) failed: at 500 ms state was playing")]
    [DataRow("{'musicWithinMs':100}", "plug at 100 ms: music only after 150 ms")]
    [DataRow("{'silentBetween':{'fromMs':0,'toMs':1000}}", "relay closed at 250 ms")]
    [DataRow("{'recoverWithinMs':50}", "chipReset fault at 1500 ms: music back only 100 ms after the fault ended")]
    [DataRow("{'relayOpenWithinMs':0}", "chipReset fault at 1500 ms: relay opened only after 10 ms")]
    public void Each_expectation_kind_reports_its_failure(string expect, string message)
    {
        var json = Valid().Replace("'expect':[{'maxSplDbA':85}]", "'expect':[" + expect + "]");
        var r = Run(json);
        Assert.AreEqual(1, r.Code, r.Stdout + r.Stderr);
        StringAssert.Contains(r.Stderr, message);
    }

    [TestMethod]
    [DataRow("{'stateAt':{'atMs':500,'state':'playing','relayClosed':true,'gainDb':0}}")]
    [DataRow("{'musicWithinMs':200}")]
    [DataRow("{'silentBetween':{'fromMs':0,'toMs':240}}")]
    [DataRow("{'recoverWithinMs':300}")]
    [DataRow("{'relayOpenWithinMs':100}")]
    public void Each_expectation_kind_passes_when_met(string expect)
    {
        var json = Valid().Replace("'expect':[{'maxSplDbA':85}]", "'expect':[" + expect + "]");
        var r = Run(json);
        Assert.AreEqual(0, r.Code, r.Stderr);
    }
}

[TestClass]
public class ExpectationWindowTests
{
    static RunRecord Record(string chip, params (long T, bool Relay)[] samples) => RecordWith(chip, "chipReset", samples);

    static RunRecord RecordWith(string chip, string fault, params (long T, bool Relay)[] samples)
    {
        var spec = ScenarioLoader.Parse(("{'name':'w','durationMs':3000,'board':{'volumeChip':'" + chip + "'},'events':[" +
            "{'atMs':100,'plug':{'leftOhm':32,'rightOhm':32}},{'atMs':1000,'fault':{'kind':'" + fault + "'}},{'atMs':2000,'unplug':{}}]}").Replace('\'', '"'));
        var record = new RunRecord(spec);
        foreach (var (t, relay) in samples)
            record.Samples.Add(new AmpController.Simulator.Board.BoardSnapshot(t, relay ? "playing" : "x", relay, 0, -20, false, -10, relay ? 70 : null, null));
        return record;
    }

    [TestMethod]
    public void S5_a_relay_opened_only_by_the_later_unplug_is_not_the_reaction_to_the_fault()
    {
        var run = Record("DS1882", (0, false), (300, true), (2010, false));
        StringAssert.Contains(new RelayOpenExpectation("$.expect[0]", 100).Check(run), "chipReset fault at 1000 ms: relay still closed at 2000 ms");
        Assert.IsNull(new RecoverExpectation("$.expect[0]", 1000).Check(run), "no opening caused by the fault: nothing to recover from");
    }

    [TestMethod]
    public void S6_a_PT2258_reset_is_a_supply_event_the_supervisor_reports_so_the_relay_must_open()
    {
        var run = Record("PT2258", (0, false), (300, true), (2010, false));
        StringAssert.Contains(new RelayOpenExpectation("$.expect[0]", 100).Check(run), "chipReset fault at 1000 ms: relay still closed");
        Assert.IsNull(new RelayOpenExpectation("$.expect[0]", 100).Check(Record("PT2258", (0, false), (300, true), (1010, false))));
    }

    [TestMethod]
    public void S6_a_bit_flip_on_the_write_only_PT2258_corrupts_nothing_so_the_relay_may_stay_closed()
    {
        var record = RecordWith("PT2258", "bitFlip", (0, false), (300, true), (2010, false));
        Assert.IsNull(new RelayOpenExpectation("$.expect[0]", 100).Check(record));
    }

    [TestMethod]
    public void S5_an_opening_within_the_time_passes_and_a_late_one_fails_with_the_delay()
    {
        Assert.IsNull(new RelayOpenExpectation("$.expect[0]", 100).Check(Record("DS1882", (0, false), (300, true), (1050, false), (1300, true))));
        StringAssert.Contains(new RelayOpenExpectation("$.expect[0]", 100).Check(Record("DS1882", (0, false), (300, true), (1150, false))),
            "relay opened only after 150 ms");
    }
}
