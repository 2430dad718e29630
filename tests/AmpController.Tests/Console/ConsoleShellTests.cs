using System;
using System.Linq;
using AmpController.Core.SerialConsole;
using AmpController.Core.Acoustics;
using AmpController.Core.Storage;
using AmpController.Tests.Storage;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.SerialConsole;

[TestClass]
public class ConsoleShellTests
{
    private sealed class Rig
    {
        public readonly Settings Settings;
        public readonly MemoryFileStore Files = new();
        public readonly RecordingActions Actions = new();
        public readonly ConsoleShell Shell;

        public Rig(Settings start)
        {
            Settings = start;
            Shell = new ConsoleShell(Settings, new SettingsStore(Files), Actions);
        }
    }

    /// <summary>limit 75, default 72, one profile: close enough to the edges that cross-checks can fail.</summary>
    private static Settings Start() => SettingsSamples.Make(75, 72, VolumeChipChoice.Ds1882,
        new StoredProfile("HD600", 3000, 970, SensitivityUnit.DbPerV));

    public static readonly string[] BadLines =
    {
        "frobnicate", "limit", "LIMIT", "limit 90 95", "limit abc", "limit NaN", "limit nan", "limit Infinity",
        "limit 1e2", "limit -5", "limit +90", "limit 90.0", "limit 59", "limit 101", "limit 99999999999", "limit 0x5A",
        "limit 70", "default", "default 81", "default 59", "default 71.5", "default 78", "default -70",
        "profile", "profile add", "profile add X 32 97", "profile add X 32 97 dB/mW extra",
        "profile add X NaN 97 dB/mW", "profile add X 32 NaN dB/V", "profile add X 32 97 dB", "profile add X 3 97 dB/mW",
        "profile add X 32 200 dB/mW", "profile add X 32 50 dB/V", "profile add X 32.25 97 dB/mW",
        "profile add X -32 97 dB/mW", "profile add X 32 97 db/w", "profile add X .5 97 dB/mW", "profile add X 32. 97 dB/mW",
        "profile add X 1e2 97 dB/mW", "profile add HD600 32 97 dB/mW", "profile add hd600 32 97 dB/mW",
        "profile add seventeen-chars-xx 32 97 dB/mW", "profile add b@d 32 97 dB/mW", "profile add X 1001 97 dB/mW",
        "profile del", "profile del nothere", "profile del a b", "profile del b@d", "profile list x", "profile frob",
        "chip", "chip DS1883", "chip DS1882 PT2258", "chip 1",
        "vol", "vol 3", "vol +0", "vol -0", "vol +61", "vol -61", "vol ++3", "vol +3.5", "vol +abc", "vol + 3", "vol +3 +3",
        "mute now", "unmute 1", "safemode", "safemode on", "safemode of", "safemode off now", "safe mode off",
        "safemode-off", "safemodeoff", "safemode 0", "save now", "help me", "status x", "a b c d e f g",
        new string('a', 81), "limit 80" + new string(' ', 80), "vol +1" + new string(' ', 75),
        "limit 80\t", "limit\t80", "limit 80\0", "li\bmit 80", "\u001b[Alimit 80", "limit 80\rx", "limit 80\n\n", "mute\u007f",
        "limit 80\u00a0", "l\u00edmit 80", "limit \uff18\uff10", "mute \U0001F50A", "vol +\u0663",
        // Issue 16: the acknowledged tier's limit, the dose, the table's profiles.
        "set", "set ackLimitDbA", "set ackLimitDbA 84", "set ackLimitDbA 101", "set ackLimitDbA 90.5", "set ackLimitDbA -90",
        "set ackLimitDbA 90 1", "set ackLimitDbA abc", "set acklimit 90", "set limit 90", "dose now", "dose 1",
        "profile use", "profile use xyzzy", "profile use \"no such phone\"", "profile use HD 600 Pro Max X",
    };

    [TestMethod]
    public void S10_every_bad_line_gets_one_line_error_and_changes_nothing()
    {
        foreach (var line in BadLines)
        {
            var rig = new Rig(Start());
            var before = SettingsSamples.Bytes(rig.Settings);
            var reply = rig.Shell.Execute(line);
            string shown = line.Length > 20 ? line[..20] + "..." : line;
            Assert.IsFalse(reply.Ok, $"accepted: {shown}");
            StringAssert.StartsWith(reply.Text, "error: ", shown);
            Assert.IsFalse(reply.Text.Contains('\n'), $"multi-line error for {shown}: {reply.Text}");
            Assert.IsTrue(reply.Text.Length > 12, $"unhelpful error for {shown}");
            CollectionAssert.AreEqual(before, SettingsSamples.Bytes(rig.Settings), $"settings changed by: {shown}");
            Assert.AreEqual(0, rig.Files.Writes, $"wrote storage: {shown}");
            Assert.AreEqual(0, rig.Actions.Calls.Count, $"called the controller: {shown}");
            Assert.IsFalse(rig.Shell.UnsavedChanges);
        }
    }

    [TestMethod]
    public void S10_adding_a_profile_when_all_slots_are_used_is_refused_and_changes_nothing()
    {
        var full = new Settings();
        for (int i = 0; i < Settings.MaxProfiles; i++)
            Assert.AreEqual(SettingsResult.Ok, full.TryAddProfile(new StoredProfile("p" + i, 320, 1000, SensitivityUnit.DbPerMw)));
        var rig = new Rig(full);
        var before = SettingsSamples.Bytes(full);
        var reply = rig.Shell.Execute("profile add new 32 97 dB/mW");
        Assert.IsFalse(reply.Ok);
        StringAssert.Contains(reply.Text, "slots");
        CollectionAssert.AreEqual(before, SettingsSamples.Bytes(full));
        Assert.AreEqual(0, rig.Actions.Calls.Count);
    }

    /// <summary>Each good line and the one edit it must make (done here through the Settings API), plus the controller calls.</summary>
    private static readonly (string Line, Action<Settings> Edit, string[] Calls)[] GoodLines =
    {
        ("limit 80", s => s.TrySetLimit(80), new[] { "settings" }),
        ("  LIMIT   100  ", s => s.TrySetLimit(100), new[] { "settings" }),
        ("limit 72", s => s.TrySetLimit(72), new[] { "settings" }),
        ("limit 85\r\n", s => s.TrySetLimit(85), new[] { "settings" }),
        ("default 60", s => s.TrySetSafeDefault(60), new[] { "settings" }),
        ("default 75", s => s.TrySetSafeDefault(75), new[] { "settings" }),
        ("chip pt2258", s => s.TrySetVolumeChip(VolumeChipChoice.Pt2258), new[] { "settings" }),
        ("chip DS1882", s => s.TrySetVolumeChip(VolumeChipChoice.Ds1882), new[] { "settings" }),
        ("profile add HD650 300 103 dB/V", s => s.TryAddProfile(new StoredProfile("HD650", 3000, 1030, SensitivityUnit.DbPerV)), new[] { "settings" }),
        ("profile add iem 10.5 119 db/mw", s => s.TryAddProfile(new StoredProfile("iem", 105, 1190, SensitivityUnit.DbPerMw)), new[] { "settings" }),
        ("PROFILE ADD a.b_c+d-e 4 130 DB/MW", s => s.TryAddProfile(new StoredProfile("a.b_c+d-e", 40, 1300, SensitivityUnit.DbPerMw)), new[] { "settings" }),
        ("profile del hd600", s => s.TryRemoveProfile("HD600"), new[] { "settings" }),
        ("profile list", s => { }, new string[0]),
        ("status", s => { }, new string[0]),
        ("help", s => { }, new string[0]),
        ("", s => { }, new string[0]),
        ("     ", s => { }, new string[0]),
        (null!, s => { }, new string[0]),
        ("mute", s => { }, new[] { "mute" }),
        ("unmute", s => { }, new[] { "unmute" }),
        ("vol +3", s => { }, new[] { "step 3" }),
        ("vol -60", s => { }, new[] { "step -60" }),
        ("vol +60", s => { }, new[] { "step 60" }),
        ("safemode off", s => { }, new[] { "safemode off" }),
        ("  SafeMode   OFF \r\n", s => { }, new[] { "safemode off" }),
    };

    [TestMethod]
    public void S10_good_lines_change_exactly_what_they_say()
    {
        foreach (var (line, edit, calls) in GoodLines)
        {
            var rig = new Rig(Start());
            var expected = Start();
            edit(expected);
            var reply = rig.Shell.Execute(line);
            Assert.IsTrue(reply.Ok, $"'{line}' refused: {reply.Text}");
            CollectionAssert.AreEqual(SettingsSamples.Bytes(expected), SettingsSamples.Bytes(rig.Settings), $"'{line}'");
            CollectionAssert.AreEqual(calls, rig.Actions.Calls, $"'{line}'");
            Assert.AreEqual(0, rig.Files.Writes, $"'{line}' wrote storage without 'save'");
            Assert.AreEqual(calls.Contains("settings"), rig.Shell.UnsavedChanges, $"'{line}'");
        }
    }

    [TestMethod]
    public void S8_safemode_off_is_listed_in_help_and_reports_whether_safe_mode_was_left()
    {
        var rig = new Rig(Start());
        StringAssert.Contains(rig.Shell.Execute("help").Text, "safemode off");
        StringAssert.Contains(ConsoleParser.Usage, "safemode off");
        var left = rig.Shell.Execute("safemode off");
        Assert.IsTrue(left.Ok);
        StringAssert.StartsWith(left.Text, "left safe mode");
        rig.Actions.InSafeMode = false;
        var notIn = rig.Shell.Execute("safemode off");
        Assert.IsTrue(notIn.Ok);
        Assert.AreEqual("not in safe mode; nothing changed", notIn.Text);
        CollectionAssert.AreEqual(new[] { "safemode off", "safemode off" }, rig.Actions.Calls);
        Assert.IsFalse(rig.Shell.UnsavedChanges);
        Assert.AreEqual(0, rig.Files.Writes);
    }

    [TestMethod]
    public void S10_raising_the_limit_only_edits_settings_and_leaves_the_level_to_the_controller()
    {
        var rig = new Rig(Start());
        var reply = rig.Shell.Execute("limit 100");
        Assert.IsTrue(reply.Ok);
        StringAssert.Contains(reply.Text, "harm hearing");
        CollectionAssert.AreEqual(new[] { "settings" }, rig.Actions.Calls, "no volume step, no unmute");
        Assert.AreEqual(100, rig.Settings.LimitDbA);
    }

    [TestMethod]
    public void S10_save_writes_the_settings_and_a_failed_save_is_one_line_error()
    {
        var rig = new Rig(Start());
        Assert.IsTrue(rig.Shell.Execute("limit 90").Ok);
        var reply = rig.Shell.Execute("save");
        Assert.IsTrue(reply.Ok, reply.Text);
        Assert.IsFalse(rig.Shell.UnsavedChanges);
        var loaded = new Settings();
        new SettingsStore(rig.Files).Load(loaded);
        Assert.IsTrue(SettingsSamples.Same(rig.Settings, loaded));

        Assert.IsTrue(rig.Shell.Execute("limit 95").Ok);
        rig.Files.FailWrites = true;
        var before = SettingsSamples.Bytes(rig.Settings);
        var failed = rig.Shell.Execute("save");
        Assert.IsFalse(failed.Ok);
        Assert.IsFalse(failed.Text.Contains('\n'));
        Assert.IsTrue(rig.Shell.UnsavedChanges);
        CollectionAssert.AreEqual(before, SettingsSamples.Bytes(rig.Settings));
        new SettingsStore(rig.Files).Load(loaded);
        Assert.AreEqual(90, loaded.LimitDbA, "the last good save survives");
    }

    [TestMethod]
    public void S10_status_and_lists_report_the_state()
    {
        var rig = new Rig(Start());
        var status = rig.Shell.Execute("status").Text;
        StringAssert.Contains(status, "limit 75 dBA");
        StringAssert.Contains(status, "safe default 72 dBA");
        StringAssert.Contains(status, "storage: not loaded");
        StringAssert.Contains(status, "controller: test double");
        Assert.AreEqual("HD600 300.0 ohm 97.0 dB/V", rig.Shell.Execute("profile list").Text);
        foreach (var word in new[] { "limit", "default", "profile add", "chip", "save", "mute", "vol" })
            StringAssert.Contains(rig.Shell.Execute("help").Text, word);
    }

    /// <summary>Random lines, from noise to near-miss commands: never a throw; refused means unchanged.</summary>
    [TestMethod]
    public void S10_random_lines_never_throw_and_a_refused_line_changes_nothing()
    {
        var words = Gen.OneOf<string>("limit", "default", "profile", "add", "del", "list", "chip", "vol", "mute", "unmute",
            "save", "status", "help", "DS1882", "PT2258", "dB/mW", "dB/V", "HD600", "NaN", "-1", "+5", "85", "70", "32.5",
            "100", "60", "1e3", "\t", "\u00e9", "\0");
        var tokens = Gen.Frequency<string>((4, words), (1, Gen.String[Gen.Char, 0, 6]));
        var lines = Gen.Frequency<string>((4, tokens.Array[0, 7].Select(t => string.Join(' ', t))), (1, Gen.String[0, 120]));
        lines.Sample(line =>
        {
            var rig = new Rig(Start());
            var before = SettingsSamples.Bytes(rig.Settings);
            var reply = rig.Shell.Execute(line);
            SettingsSamples.AssertInRange(rig.Settings);
            if (!reply.Ok)
            {
                Assert.IsFalse(reply.Text.Contains('\n'));
                CollectionAssert.AreEqual(before, SettingsSamples.Bytes(rig.Settings));
                Assert.AreEqual(0, rig.Actions.Calls.Count);
                Assert.AreEqual(0, rig.Files.Writes);
            }
        }, iter: 20000);
    }

    [TestMethod]
    public void S10_replies_show_what_was_set()
    {
        var rig = new Rig(Start());
        Assert.IsTrue(rig.Shell.Execute("chip PT2258").Ok);
        Assert.IsTrue(rig.Shell.Execute("profile add iem 10.5 119 dB/mW").Ok);
        StringAssert.Contains(rig.Shell.Execute("status").Text, "chip PT2258, 2 profile(s), unsaved changes");
        Assert.AreEqual("HD600 300.0 ohm 97.0 dB/V\niem 10.5 ohm 119.0 dB/mW", rig.Shell.Execute("profile list").Text);
        StringAssert.StartsWith(rig.Shell.Execute("vol +3").Text, "volume +3 dB");
        StringAssert.StartsWith(rig.Shell.Execute("vol -3").Text, "volume -3 dB");
        Assert.IsTrue(rig.Shell.Execute("save").Ok);
        Assert.IsFalse(rig.Shell.Execute("status").Text.Contains("unsaved"));
        StringAssert.Contains(rig.Shell.Execute("a b c d e f g").Text, "too many words");
    }
}
