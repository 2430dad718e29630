using System.IO;
using AmpController.Simulator.Commands;
using AmpController.Simulator.Scenario;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static AmpController.Tests.Simulator.ScenarioFilesForTests;

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
