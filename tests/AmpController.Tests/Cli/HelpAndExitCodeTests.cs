using System.Linq;
using AmpController.Simulator.Cli;
using AmpController.Simulator.Commands;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Cli;

/// <summary>docs/design.md §7: every command's help shows examples and its exit codes; every bad option is exit 2 with one line.</summary>
[TestClass]
public class HelpAndExitCodeTests
{
    static readonly string[] CommandNames = AmpSimCli.Commands().Select(c => c.Name).ToArray();

    [TestMethod]
    public void Every_command_is_in_the_contract_list()
    {
        CollectionAssert.AreEquivalent(new[] { "demo", "run", "cap", "sense", "bench", "console", "soak" }, CommandNames);
    }

    [TestMethod]
    public void Every_command_help_shows_usage_examples_and_the_exit_codes()
    {
        foreach (var name in CommandNames)
        {
            var r = AmpSim.Run(name, "--help");
            Assert.AreEqual(0, r.ExitCode, name);
            Assert.AreEqual("", r.Stderr, name);
            StringAssert.Contains(r.Stdout, $"Usage: ampsim {name}", name);
            StringAssert.Contains(r.Stdout, "Options:", name);
            StringAssert.Contains(r.Stdout, "-h, --help", name);
            var examples = r.Stdout[(r.Stdout.IndexOf("Examples:") + 1)..];
            StringAssert.Contains(examples, $"ampsim {name}", $"{name}: no example of the command itself");
            var exits = r.Stdout[r.Stdout.IndexOf("Exit codes:")..];
            StringAssert.Contains(exits, "  0  ", name);
            StringAssert.Contains(exits, "  2  ", name);
        }
    }

    [TestMethod]
    public void Root_help_lists_the_commands_examples_and_exit_codes_and_no_arguments_is_bad_input()
    {
        var help = AmpSim.Run("--help");
        Assert.AreEqual(0, help.ExitCode);
        foreach (var name in CommandNames) StringAssert.Contains(help.Stdout, $"  {name} ");
        StringAssert.Contains(help.Stdout, "Examples:");
        StringAssert.Contains(help.Stdout, "  1  a check or expectation failed");
        var none = AmpSim.Run();
        Assert.AreEqual(2, none.ExitCode);
        StringAssert.Contains(none.Stdout, "Usage: ampsim COMMAND");
    }

    [TestMethod]
    public void Every_option_of_every_command_is_listed_in_its_help()
    {
        foreach (var command in AmpSimCli.Commands())
        {
            var built = command.Build(new CliIo(System.IO.TextReader.Null, System.IO.TextWriter.Null, System.IO.TextWriter.Null));
            var help = AmpSim.Run(command.Name, "--help").Stdout;
            foreach (var option in built.Options) StringAssert.Contains(help, "  " + option.Name, command.Name);
        }
    }

    [TestMethod]
    public void An_unknown_option_is_exit_2_with_one_line_naming_it_on_every_command()
    {
        foreach (var name in CommandNames)
        {
            var r = AmpSim.RunWithInput("", name, "--no-such-option");
            Assert.AreEqual(2, r.ExitCode, name);
            Assert.AreEqual("", r.Stdout, name);
            Assert.AreEqual($"ampsim {name}: unknown option '--no-such-option'", r.Stderr.TrimEnd(), name);
        }
    }

    [TestMethod]
    [DataRow("bench", "--ticks", "ampsim bench: option --ticks needs a value")]
    [DataRow("sense", "--load", "ampsim sense: option --load needs a value")]
    [DataRow("demo", "--out", "ampsim demo: option --out needs a value")]
    [DataRow("console", "--seed", "ampsim console: option --seed needs a value")]
    public void An_option_without_its_value_is_one_line_not_the_library_dump(string command, string option, string expected)
    {
        var r = AmpSim.RunWithInput("", command, option);
        Assert.AreEqual(2, r.ExitCode);
        Assert.AreEqual(expected, r.Stderr.TrimEnd());
        Assert.AreEqual("", r.Stdout, "no help dump on a parse error");
    }

    [TestMethod]
    public void A_repeated_option_is_one_line()
    {
        var r = AmpSim.Run("bench", "--ticks", "5", "--ticks", "6");
        Assert.AreEqual(2, r.ExitCode);
        Assert.AreEqual("ampsim bench: option --ticks given more than once", r.Stderr.TrimEnd());
    }

    [TestMethod]
    public void A_response_file_token_is_an_argument_not_a_file_to_read()
    {
        var r = AmpSim.Run("run", "@/etc/passwd");
        Assert.AreEqual(2, r.ExitCode);
        StringAssert.Contains(r.Stderr, "cannot read '@/etc/passwd'");
    }

    // Moved from Cli/HelpTests.cs and Simulator/CommandHelpTests.cs (same assertions).

    [TestMethod]
    public void Help_lists_every_command_of_the_contract()
    {
        var r = AmpSim.Run("--help");
        Assert.AreEqual(0, r.ExitCode);
        foreach (var name in new[] { "demo", "run", "cap", "sense", "bench" })
            StringAssert.Contains(r.Stdout, "  " + name + " ");
    }

    [TestMethod]
    public void Per_command_help_shows_usage()
    {
        var r = AmpSim.Run("cap", "--help");
        Assert.AreEqual(0, r.ExitCode);
        StringAssert.Contains(r.Stdout, "--impedance OHM");
    }

    [TestMethod]
    public void Unknown_command_is_bad_input_with_one_line_error()
    {
        var r = AmpSim.Run("frobnicate");
        Assert.AreEqual(2, r.ExitCode);
        Assert.AreEqual(1, r.Stderr.TrimEnd().Split('\n').Length);
        StringAssert.Contains(r.Stderr, "frobnicate");
    }

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

    [TestMethod]
    public void Version_prints_the_assembly_version()
    {
        var r = AmpSim.Run("--version");
        Assert.AreEqual(0, r.ExitCode);
        Assert.AreEqual(typeof(AmpSimCli).Assembly.GetName().Version!.ToString(), r.Stdout.Trim());
    }

    [TestMethod]
    public void Bench_knows_whether_it_measures_an_optimised_build()
    {
#if DEBUG
        Assert.IsTrue(BenchCommand.IsDebugBuild);
#else
        Assert.IsFalse(BenchCommand.IsDebugBuild);
#endif
    }
}
