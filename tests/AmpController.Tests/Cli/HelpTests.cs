using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Cli;

[TestClass]
public class HelpTests
{
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
}
