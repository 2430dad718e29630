using System;
using System.IO;
using System.Linq;
using AmpController.Core.Sensing;
using AmpController.Core.Service;
using AmpController.Tests.Cli;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.SerialConsole;

/// <summary>
/// selftest and calibrate (issue 15 items 2, 3) through `ampsim console`, exactly as a person at the simulated board
/// would type them: 'sim ' lines stand for what the hands do (plug a calibration plug, empty the jack).
/// </summary>
[TestClass]
public class ServiceProcedureTests
{
    private const string Calibrate = "calibrate\nsim plug 10\nok\nsim plug 100\nok\nsim plug 470\nok\nsim unplug\nok\n";

    private static string[] Lines(string text) => ConsoleCommandTests.Lines(text);

    private static string Row(string stdout, string check) =>
        Lines(stdout).Single(l => l.StartsWith(check.PadRight(14) + " ", StringComparison.Ordinal));

    private static void WithFlash(Action<string> body) => ConsoleCommandTests.WithFlash(body);

    [TestMethod]
    public void Selftest_then_calibrate_piped_into_ampsim_console_pass_on_the_simulated_board_and_end_in_the_safe_state()
    {
        WithFlash(flash =>
        {
            var r = AmpSim.RunWithInput("selftest\n" + Calibrate + "status\n", "console", "--flash", flash);
            Assert.AreEqual(0, r.ExitCode, r.Stderr);
            string o = r.Stdout;

            foreach (string check in new[] { "i2c scan", "volume chip", "expander pins", "adc zeros", "calibration", "sense relay", "output relay" })
                StringAssert.Contains(Row(o, check), " PASS ", o);
            StringAssert.Contains(Row(o, "i2c scan"), "answering 0x20 0x28", o);
            StringAssert.Contains(Row(o, "sense relay"), "closed: left open, right open", o);
            // The PC cannot stand for the device's heap or tick time: reported, never passed.
            StringAssert.Contains(Row(o, "free heap"), " INFO ", o);
            StringAssert.Contains(Row(o, "tick time"), " INFO ", o);
            StringAssert.Contains(o, "selftest: PASS");
            Assert.IsFalse(o.Contains("error: "), o);

            StringAssert.Contains(o, "calibrate: PASS, stored in two copies");
            string residual = Lines(o).Single(l => l.StartsWith("residual error", StringComparison.Ordinal));
            StringAssert.Contains(residual, "10 ohm worst");
            // Both copies hold the same record, and it decodes to plausible constants.
            byte[] a = File.ReadAllBytes(Path.Combine(flash, SenseCalibrationStore.NameA));
            byte[] b = File.ReadAllBytes(Path.Combine(flash, SenseCalibrationStore.NameB));
            CollectionAssert.AreEqual(a, b);
            SenseCalibration? stored = SenseCalibrationStore.Decode(a);
            Assert.IsNotNull(stored);
            Assert.IsTrue(stored!.IsPlausible);
            Assert.IsFalse(stored.FellBackToDefaults);

            // After both procedures the controller started again from its safe start and waits for a headphone.
            string status = Lines(o).Last(l => l.StartsWith("controller ", StringComparison.Ordinal) || l.StartsWith("now: ", StringComparison.Ordinal));
            StringAssert.Contains(status, "unplugged", o);
        });
    }

    [TestMethod]
    public void Selftest_with_the_expander_missing_fails_and_names_its_address()
    {
        var r = AmpSim.RunWithInput("selftest\n", "console", "--missing", "expander");
        Assert.AreEqual(0, r.ExitCode, r.Stderr);
        StringAssert.Contains(Row(r.Stdout, "i2c scan"), " FAIL ", r.Stdout);
        StringAssert.Contains(Row(r.Stdout, "i2c scan"), "missing 0x20 (expander TCA9534)", r.Stdout);
        StringAssert.Contains(Row(r.Stdout, "expander pins"), " FAIL ", r.Stdout);
        StringAssert.Contains(Row(r.Stdout, "sense relay"), " FAIL ", r.Stdout);
        StringAssert.Contains(Row(r.Stdout, "volume chip"), " PASS ", r.Stdout);
        StringAssert.Contains(r.Stdout, "selftest: FAIL (4 of");
    }

    [TestMethod]
    public void Selftest_with_the_volume_chip_missing_fails_and_names_its_address()
    {
        var r = AmpSim.RunWithInput("selftest\n", "console", "--missing", "volume");
        StringAssert.Contains(Row(r.Stdout, "i2c scan"), "missing 0x28 (DS1882)", r.Stdout);
        StringAssert.Contains(Row(r.Stdout, "volume chip"), "DS1882 0x28: no answer", r.Stdout);
        StringAssert.Contains(Row(r.Stdout, "expander pins"), " PASS ", r.Stdout);
        StringAssert.Contains(r.Stdout, "selftest: FAIL");
    }

    [TestMethod]
    public void Selftest_and_calibrate_are_refused_with_a_headphone_in_the_jack()
    {
        var r = AmpSim.RunWithInput("selftest\ncalibrate\n", "console", "--plug", "32");
        string[] errors = Lines(r.Stdout).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToArray();
        Assert.AreEqual(2, errors.Length, r.Stdout);
        foreach (string e in errors) StringAssert.Contains(e, "unplug the headphone first");
        Assert.IsFalse(r.Stdout.Contains("selftest:"), r.Stdout);
    }

    [TestMethod]
    public void Calibrate_refuses_the_wrong_plug_and_an_empty_jack_with_the_reason_and_stores_nothing_when_cancelled()
    {
        WithFlash(flash =>
        {
            var r = AmpSim.RunWithInput("calibrate\nok\nsim plug 47\nok\nok\ncancel\n", "console", "--flash", flash);
            string o = r.Stdout;
            StringAssert.Contains(o, "the jack is empty: plug the 10 ohm calibration plug, then ok");
            StringAssert.Contains(o, "not 10 ohm within 5 % (wrong plug?)");
            StringAssert.Contains(o, "calibrate: cancelled; nothing stored");
            Assert.IsFalse(File.Exists(Path.Combine(flash, SenseCalibrationStore.NameA)), o);
            Assert.IsFalse(File.Exists(Path.Combine(flash, SenseCalibrationStore.NameB)), o);
        });
    }

    [TestMethod]
    public void While_a_procedure_waits_only_ok_cancel_help_status_and_version_are_taken()
    {
        var r = AmpSim.RunWithInput("calibrate\nvol +3\nlimit 70\nversion\ncancel\nok\n", "console");
        string[] lines = Lines(r.Stdout);
        Assert.AreEqual(2, lines.Count(l => l == "error: calibrate is waiting: 'ok' when ready, 'cancel' to stop it"), r.Stdout);
        StringAssert.Contains(r.Stdout, "AmpController firmware ");
        StringAssert.Contains(r.Stdout, "error: nothing to confirm");
    }

    [TestMethod]
    public void The_self_test_table_lists_every_row_with_its_verdict()
    {
        var table = new SelfTestTable();
        table.Add("i2c scan", SelfTestTable.Pass, "ok");
        table.Add("free heap", SelfTestTable.Info, "n/a");
        Assert.AreEqual("check          result  detail\ni2c scan       PASS    ok\nfree heap      INFO    n/a\nselftest: PASS", table.Render());
        table.Add("expander pins", SelfTestTable.Fail, "0x20");
        StringAssert.EndsWith(table.Render(), "selftest: FAIL (1 of 3 checks)");
    }
}
