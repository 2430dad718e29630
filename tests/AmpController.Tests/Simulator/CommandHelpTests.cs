using AmpController.Tests.Cli;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Simulator;

[TestClass]
public class CommandHelpTests
{
    [TestMethod]
    [DataRow("run", "Usage: ampsim run <SCENARIO.json> [--trace <FILE.jsonl>] [--plot <FILE.png>]", "Exit codes:")]
    [DataRow("demo", "Usage: ampsim demo", "--out <DIR>")]
    [DataRow("bench", "Usage: ampsim bench [--json]", "0 bytes per tick")]
    public void Per_command_help_shows_usage_options_and_exit_codes(string command, string usage, string detail)
    {
        foreach (var args in new[] { new[] { command, "--help" }, new[] { command, "-h" }, new[] { "help", command } })
        {
            var r = AmpSim.Run(args);
            Assert.AreEqual(0, r.ExitCode, string.Join(" ", args));
            StringAssert.Contains(r.Stdout, usage);
            StringAssert.Contains(r.Stdout, detail);
            StringAssert.Contains(r.Stdout, "Options:");
        }
    }

    [TestMethod]
    [DataRow("demo", "--colour")]
    [DataRow("bench", "--ticks", "lots")]
    [DataRow("bench", "extra")]
    public void Bad_options_of_demo_and_bench_exit_2_with_one_line(params string[] args)
    {
        var r = AmpSim.Run(args);
        Assert.AreEqual(2, r.ExitCode);
        Assert.AreEqual(1, r.Stderr.TrimEnd().Split('\n').Length, r.Stderr);
        StringAssert.StartsWith(r.Stderr, $"ampsim {args[0]}: ");
    }
}
