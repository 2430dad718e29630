using System;
using System.Linq;
using AmpController.Core.Acoustics;
using AmpController.Core.Control;
using AmpController.Core.Dose;
using AmpController.Core.SerialConsole;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.SerialConsole;

/// <summary>
/// Issue 16 on the console: `profile use NAME` (the built-in table), `set ackLimitDbA N` and `dose`, with the real
/// controller actions of a simulated board. Neither command lifts the cap: a stored profile is only offered and the
/// acknowledged tier needs the long press at the amplifier (S12).
/// </summary>
[TestClass]
public class TierConsoleTests
{
    private sealed class Rig
    {
        public readonly SimulatedBoard Board = new(new BoardConfig(Seed: 5));
        public readonly Settings Settings = new();
        public readonly ConsoleShell Shell;

        public Rig()
        {
            Shell = new ConsoleShell(Settings, new SettingsStore(Board.Flash),
                new ControllerConsoleActions(Board.Controller, Board.Policy, Settings));
        }

        public void Run(int ms)
        {
            for (int t = 0; t < ms; t += ControllerTiming.TickMs) Board.Tick();
        }
    }

    [TestMethod]
    [DataRow("hd600")]
    [DataRow("Sennheiser HD 600")]
    [DataRow("SENNHEISER hd-600")]
    [DataRow("\"hd 600\"")]
    public void Profile_use_finds_the_model_case_and_space_insensitive_and_stores_its_data(string name)
    {
        var rig = new Rig();
        var reply = rig.Shell.Execute("profile use " + name);
        Assert.IsTrue(reply.Ok, reply.Text);
        Assert.AreEqual(1, rig.Settings.ProfileCount);
        var p = rig.Settings.GetProfile(0);
        Assert.AreEqual("HD 600", p.Name);
        Assert.AreEqual(3000, p.ImpedanceTenthsOhm);
        Assert.AreEqual(970, p.SensitivityTenthsDb);
        Assert.AreEqual(SensitivityUnit.DbPerV, p.Unit, "data/headphones.csv: 97 dB at 1 Vrms");
        StringAssert.Contains(reply.Text, "long press");
        Assert.AreEqual(1, rig.Board.Policy.Input.Profiles!.Length, "the policy has it at once (offered when plugged)");
    }

    [TestMethod]
    public void Profile_use_of_an_unknown_name_changes_nothing_and_names_the_closest_models()
    {
        var rig = new Rig();
        var reply = rig.Shell.Execute("profile use hd6OO");
        Assert.IsFalse(reply.Ok);
        StringAssert.StartsWith(reply.Text, "error: ");
        StringAssert.Contains(reply.Text, "Sennheiser HD 600");
        Assert.AreEqual(0, rig.Settings.ProfileCount);
    }

    [TestMethod]
    public void Every_table_model_becomes_a_valid_profile_with_a_storable_name()
    {
        var electrostatic = AmpController.Tests.Acoustics.HeadphonesCsv.Rows.Where(r => r.IsElectrostatic).Select(r => r.Model).ToHashSet();
        for (int row = 0; row < HeadphoneLookup.Count; row++)
        {
            var p = CatalogProfile.FromRow(row);
            if (electrostatic.Contains(HeadphoneLookup.Name(row)))
            {
                // An electrostatic needs its own energiser: its impedance is outside what a profile may hold, and the
                // console says so instead of storing it.
                Assert.AreEqual(SettingsResult.ProfileImpedanceOutOfRange, p.Validate(), HeadphoneLookup.Name(row));
                var reply = new Rig().Shell.Execute("profile use \"" + HeadphoneLookup.Name(row) + "\"");
                Assert.IsFalse(reply.Ok, reply.Text);
                StringAssert.Contains(reply.Text, "impedance must be");
                continue;
            }
            Assert.IsTrue(StoredProfile.IsValidName(p.Name), HeadphoneLookup.Name(row) + " -> " + p.Name);
            Assert.AreEqual(SettingsResult.Ok, p.Validate(), HeadphoneLookup.Name(row));
            Assert.AreEqual(HeadphoneLookup.DbPerV(row), p.ToPolicyProfile().DbPerV, 0.05, HeadphoneLookup.Name(row));
            Assert.AreEqual(row, HeadphoneLookup.Find(HeadphoneLookup.Name(row)));
        }
        Assert.AreEqual("DT770Pro250ohm", CatalogProfile.ShortName("Beyerdynamic DT 770 Pro 250 ohm"));
    }

    /// <summary>S12: a profile from the console is OFFERED when its headphone is plugged; only the long press confirms it.</summary>
    [TestMethod]
    public void S12_profile_use_never_lifts_the_cap_from_the_console()
    {
        var rig = new Rig();
        rig.Board.Plug(new HeadphoneLoad(300, 300, HeadphoneLookup.DbPerV(HeadphoneLookup.Find("HD 600"))));
        rig.Run(3000);
        int capBefore = rig.Board.Controller.CapDb;
        int gainBefore = rig.Board.Controller.GainDb;
        Assert.IsTrue(rig.Shell.Execute("profile use hd600").Ok);
        rig.Run(5000);
        Assert.AreEqual("HD 600", rig.Board.Controller.OfferedProfile, "offered");
        Assert.AreEqual("", rig.Board.Controller.ConfirmedProfile, "not confirmed by the console");
        Assert.AreEqual(capBefore + gainBefore, rig.Board.Controller.CapDb + rig.Board.Controller.GainDb, "the cap stays the worst case's");
        Assert.IsFalse(rig.Board.Controller.Acknowledged);
    }

    /// <summary>S12, S9: the tier's limit is a setting, 85-100; it reaches the policy but unlocks nothing.</summary>
    [TestMethod]
    public void S12_set_ackLimitDbA_reaches_the_policy_and_unlocks_nothing()
    {
        var rig = new Rig();
        rig.Board.Plug(new HeadphoneLoad(300, 300, 97));
        rig.Run(3000);
        rig.Board.TurnEncoder(60);
        rig.Run(3000);
        int cap = rig.Board.Controller.CapDb;
        var reply = rig.Shell.Execute("set ACKLIMITDBA 90");
        Assert.IsTrue(reply.Ok, reply.Text);
        Assert.AreEqual(90, rig.Settings.AckLimitDbA);
        Assert.AreEqual(90.0, rig.Board.Policy.Input.AckLimitDbA);
        rig.Run(5000);
        Assert.IsFalse(rig.Board.Controller.Acknowledged);
        Assert.AreEqual("default", rig.Board.Snapshot().Tier);
        Assert.IsTrue(rig.Board.Controller.CapDb <= cap, "no louder than before the edit");
        Assert.IsTrue(rig.Board.Snapshot().SplDbA <= 85 + 1e-9);
        StringAssert.Contains(rig.Shell.Execute("status").Text, "\nacknowledged tier up to 90 dBA");
    }

    [TestMethod]
    public void Dose_reports_the_percent_the_hours_left_at_the_level_and_the_days()
    {
        var rig = new Rig();
        var idle = rig.Shell.Execute("dose");
        Assert.IsTrue(idle.Ok);
        StringAssert.Contains(idle.Text, "dose 0.0 % of the weekly allowance");
        StringAssert.Contains(idle.Text, "nothing playing now");
        rig.Board.Plug(new HeadphoneLoad(300, 300, 97));
        rig.Run(3000);
        rig.Board.TurnEncoder(30);
        rig.Run(60_000);
        var text = rig.Shell.Execute("dose").Text;
        double level = rig.Board.Controller.ProgrammeLevelDbA;
        Assert.IsFalse(double.IsNaN(level));
        StringAssert.Contains(text, "now " + level.ToString("F1") + " dBA");
        double left = DoseSummary.HoursLeft(rig.Board.Controller.Dose.WeeklyFraction, level);
        StringAssert.Contains(text, left.ToString("F1") + " h at this level reach 100 %");
        string days = text.Split('\n')[1];
        Assert.AreEqual(7, days.Split(':')[1].Trim().Split(' ').Length, days);
    }

    /// <summary>S13 arithmetic of the summary: 4 h at 80 dBA are 10 % (H.870: 40 h at 80 dBA is 100 %).</summary>
    [TestMethod]
    public void Dose_summary_days_and_hours_left_follow_H870()
    {
        var meter = new DoseMeter();
        long t = 0;
        meter.Update(t, 80);
        for (int s = 0; s < 4 * 3600; s++) meter.Update(t += 1000, 80);
        Assert.AreEqual(0.10, meter.WeeklyFraction, 1e-5);
        Assert.AreEqual(36.0, DoseSummary.HoursLeft(meter.WeeklyFraction, 80), 1e-3);
        Assert.AreEqual(36.0 / Math.Pow(10, 0.6), DoseSummary.HoursLeft(meter.WeeklyFraction, 86), 1e-3);
        double sum = Enumerable.Range(0, DoseSummary.Days).Sum(d => DoseSummary.DayPercent(meter, d));
        Assert.AreEqual(10.0, sum, 1e-3, "the days add up to the window");
        Assert.AreEqual(10.0, DoseSummary.DayPercent(meter, DoseSummary.Days - 1), 1e-3, "all of it today");
        Assert.AreEqual(0.0, DoseSummary.HoursLeft(1.2, 80));
    }

    /// <summary>S12: the warning at the cap is also a console line; the tier's start is told too (the console cannot start it).</summary>
    [TestMethod]
    public void S12_the_warning_at_the_cap_and_the_tier_are_console_lines()
    {
        var rig = new Rig();
        rig.Board.Plug(new HeadphoneLoad(290, 291, 97));
        rig.Run(3000);
        Assert.AreEqual("", rig.Shell.TakeNotice());
        rig.Board.TurnEncoder(120);
        rig.Run(2000);
        Assert.IsTrue(rig.Board.Controller.AckWarningActive);
        string warning = rig.Shell.TakeNotice();
        StringAssert.StartsWith(warning, "at the cap: above 85 dBA only in the acknowledged tier (up to 100 dBA)");
        Assert.AreEqual("", rig.Shell.TakeNotice(), "told once");
        rig.Board.PressButton(2000);
        rig.Run(2500);
        Assert.IsTrue(rig.Board.Controller.Acknowledged);
        StringAssert.StartsWith(rig.Shell.TakeNotice(), "acknowledged tier: cap ");
        rig.Board.Unplug();
        rig.Run(500);
        Assert.AreEqual("acknowledged tier ended: the default limit is in force", rig.Shell.TakeNotice());
    }
}
