using System;
using System.IO;
using System.Linq;
using AmpController.Core.Storage;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Cli;

/// <summary>`ampsim console`: the firmware's console shell on a simulated board, lines piped through standard input.</summary>
[TestClass]
public class ConsoleCommandTests
{
    internal static string[] Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

    /// <summary>Runs <paramref name="body"/> with a fresh folder for --flash, removed afterwards.</summary>
    internal static void WithFlash(Action<string> body)
    {
        string flash = Path.Combine(Path.GetTempPath(), "ampsim-console-" + Guid.NewGuid().ToString("N"));
        try { body(flash); }
        finally { if (Directory.Exists(flash)) Directory.Delete(flash, true); }
    }

    [TestMethod]
    public void S10_every_bad_line_gets_one_error_line_and_changes_nothing()
    {
        string[] bad = ["limit 120", "limit 59", "default 81", "bogus", "limit 9O", "profile add x 0 97 dB/mW",
            "profile add HD600 300 97 dB/W", "chip TDA1543", "vol +1000", "limit 90 91", "default 85"];
        var r = AmpSim.RunWithInput(string.Join("\n", bad) + "\nstatus\nprofile list\n", "console");

        Assert.AreEqual(0, r.ExitCode, r.Stderr);
        string[] lines = Lines(r.Stdout);
        string[] errors = lines.Where(l => l.StartsWith("error: ")).ToArray();
        Assert.AreEqual(bad.Length, errors.Length, r.Stdout);
        // Replies come in input order: after the two start-up lines, one error line per bad line, nothing else.
        for (int i = 0; i < bad.Length; i++) StringAssert.StartsWith(lines[2 + i], "error: ", $"reply to '{bad[i]}'");
        StringAssert.StartsWith(lines[2 + bad.Length], "limit 85 dBA, safe default 70 dBA, chip DS1882, 0 profile(s)");
        Assert.IsFalse(lines[2 + bad.Length].Contains("unsaved"), "a rejected line must not count as an edit");
        Assert.AreEqual("no profiles", lines[^1]);
    }

    [TestMethod]
    public void S9_save_then_the_next_start_from_the_same_flash_loads_the_saved_values()
    {
        WithFlash(flash =>
        {
            var first = AmpSim.RunWithInput("limit 90\ndefault 75\nprofile add HD600 300 97 dB/mW\nchip PT2258\nsave\n",
                "console", "--flash", flash);
            Assert.AreEqual(0, first.ExitCode, first.Stderr);
            StringAssert.StartsWith(Lines(first.Stdout)[0], "storage: defaults, nothing saved yet");
            Assert.AreEqual("volume chip DS1882 (stored choice)", Lines(first.Stdout)[1]);
            StringAssert.Contains(first.Stdout, "saved; storage: saved, one copy (the second is written at the next save) (save #1)");

            var second = AmpSim.RunWithInput("status\nprofile list\n", "console", "--flash", flash);
            string[] lines = Lines(second.Stdout);
            StringAssert.StartsWith(lines[0], "storage: saved, one copy");
            Assert.AreEqual("volume chip PT2258 (stored choice)", lines[1], "the saved chip choice picks the driver");
            Assert.AreEqual("limit 90 dBA (85 until acknowledged at the amplifier), safe default 75 dBA, chip PT2258, 1 profile(s)", lines[2]);
            Assert.AreEqual("HD600 300.0 ohm 97.0 dB/mW", lines[^1]);
        });
    }

    [TestMethod]
    public void S9_unsaved_edits_are_gone_at_the_next_start()
    {
        WithFlash(flash =>
        {
            AmpSim.RunWithInput("limit 90\nsave\nlimit 95\n", "console", "--flash", flash);
            var next = AmpSim.RunWithInput("status\n", "console", "--flash", flash);
            StringAssert.StartsWith(Lines(next.Stdout)[2], "limit 90 dBA");
        });
    }

    [TestMethod]
    public void S9_corrupt_stored_settings_start_on_defaults_and_say_so()
    {
        WithFlash(flash =>
        {
            Directory.CreateDirectory(flash);
            File.WriteAllBytes(Path.Combine(flash, SettingsStore.DefaultNameA), [1, 2, 3, 4, 5, 6, 7, 8]);
            File.WriteAllBytes(Path.Combine(flash, SettingsStore.DefaultNameB), new byte[64]);
            var r = AmpSim.RunWithInput("status\n", "console", "--flash", flash);
            Assert.AreEqual(0, r.ExitCode, r.Stderr);
            string[] lines = Lines(r.Stdout);
            StringAssert.StartsWith(lines[0], "storage: DEFAULTS: both saved copies are damaged");
            StringAssert.StartsWith(lines[1], "WARNING: stored settings are corrupt");
            Assert.AreEqual("volume chip DS1882 (stored choice)", lines[2]);
            StringAssert.StartsWith(lines[3], "limit 85 dBA, safe default 70 dBA, chip DS1882");
        });
    }

    [TestMethod]
    public void Console_with_a_headphone_plugged_drives_the_controller_within_the_cap()
    {
        var r = AmpSim.RunWithInput("vol +60\nstatus\nmute\nstatus\n", "console", "--plug", "32");
        string[] controller = Lines(r.Stdout).Where(l => l.StartsWith("controller ")).ToArray();
        Assert.AreEqual(2, controller.Length, r.Stdout);
        // "controller playing, gain G dB, cap C dB, level L dB": +60 dB stops at the cap (S4, S11).
        string[] words = controller[0].Split(' ');
        Assert.AreEqual(words[Array.IndexOf(words, "cap") + 1], words[Array.IndexOf(words, "level") + 1], controller[0]);
        StringAssert.EndsWith(controller[1], ", muted");
    }

    [TestMethod]
    [DataRow("--plug", "0")]
    [DataRow("--plug", "x")]
    [DataRow("--sensitivity", "100")]
    [DataRow("--bogus", "1")]
    public void Bad_options_exit_2(string option, string value)
    {
        var r = AmpSim.RunWithInput("status\n", "console", option, value);
        Assert.AreEqual(2, r.ExitCode);
        Assert.AreEqual("", r.Stdout);
        StringAssert.StartsWith(r.Stderr, "ampsim console: ");
    }
}
