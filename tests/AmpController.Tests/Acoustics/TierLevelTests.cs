using AmpController.Simulator.Data;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using AmpController.Core.Acoustics;
using AmpController.Tests.Cli;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Acoustics;

/// <summary>
/// What the real headphones of data/headphones.csv reach in each tier (S4, S12; issue 16 "Done when"): `ampsim cap`
/// gives the cap for what the controller assumes; the headphone's true sensitivity gives the real level
/// (real = computed at the assumed sensitivity + true − assumed). "Unknown" is `--impedance` with the nominal impedance
/// (no profile: the worst case); "profile" is `--model` (the true sensitivity, as a confirmed profile gives it).
/// </summary>
[TestClass]
public class TierLevelTests
{
    public sealed record Reach(HeadphoneRow Row, double UnknownDefault, double UnknownAck, bool UnknownHasAck, double ProfileDefault, double ProfileAck);

    static (double Default, double Ack, bool HasAck) Levels(HeadphoneRow row, params string[] args)
    {
        var r = AmpSim.Run(new[] { "cap" }.Concat(args).Append("--json").ToArray());
        Assert.AreEqual(0, r.ExitCode, r.Stderr);
        var j = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.IsFalse(j.GetProperty("muted").GetBoolean(), row.ToString());
        double shift = row.DbPerV - j.GetProperty("assumedSensitivityDbPerV").GetDouble();
        var ack = j.GetProperty("ack");
        return (j.GetProperty("splDbA").GetDouble() + shift, ack.GetProperty("splDbA").GetDouble() + shift, ack.GetProperty("available").GetBoolean());
    }

    static List<Reach>? cached;
    public static List<Reach> All => cached ??= HeadphonesCsv.Rows.Where(r => !r.IsElectrostatic).Select(row =>
    {
        var unknown = Levels(row, "--impedance", row.NominalOhm.ToString(CultureInfo.InvariantCulture));
        var profile = Levels(row, "--model", row.Model);
        return new Reach(row, unknown.Default, unknown.Ack, unknown.HasAck, profile.Default, profile.Ack);
    }).ToList();

    /// <summary>Median and quartiles by the 'exclusive' method (as the README's figures).</summary>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        double h = (sorted.Length + 1) * q - 1;
        int i = Math.Clamp((int)Math.Floor(h), 0, sorted.Length - 2);
        return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
    }

    static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

    [TestMethod]
    public void S12_unknown_headphones_reach_a_median_of_72_dBA_in_the_acknowledged_tier_and_none_passes_100()
    {
        var ack = All.Select(r => r.UnknownAck).ToList();
        var def = All.Select(r => r.UnknownDefault).ToList();
        Console.WriteLine($"unknown, default tier: median {F(Quantile(def, 0.5))}, range {F(def.Min())}..{F(def.Max())} dBA");
        Console.WriteLine($"unknown, acknowledged tier: median {F(Quantile(ack, 0.5))}, range {F(ack.Min())}..{F(ack.Max())} dBA");
        Assert.IsTrue(Quantile(ack, 0.5) >= 72.0, $"median in the acknowledged tier {F(Quantile(ack, 0.5))} dBA");
        foreach (var r in All)
        {
            Assert.IsTrue(r.UnknownDefault <= PolicyLimits.DefaultLimitDbA + 1e-9, $"{r.Row}: {r.UnknownDefault} dBA before the press");
            Assert.IsTrue(r.UnknownAck <= PolicyLimits.MaxAckLimitDbA + 1e-9, $"{r.Row}: {r.UnknownAck} dBA in the tier");
            Assert.IsTrue(r.UnknownHasAck && r.UnknownAck > r.UnknownDefault, $"{r.Row}: the tier adds nothing");
            // cap --json prints levels and sensitivities to 0.1 dB: the difference of two printed figures is good to 0.1 dB.
            Assert.IsTrue(r.ProfileDefault <= PolicyLimits.DefaultLimitDbA + 0.1 && r.ProfileAck <= PolicyLimits.MaxAckLimitDbA + 0.1,
                $"{r.Row}: {r.ProfileDefault} / {r.ProfileAck} dBA with its profile");
        }
    }

    [TestMethod]
    public void Readme_states_what_the_acknowledged_tier_reaches_without_a_profile()
    {
        var ack = All.Select(r => r.UnknownAck).ToList();
        string readme = System.IO.File.ReadAllText(System.IO.Path.Combine(HeadphonesCsv.RepoRoot, "README.md")).Replace("\r\n", "\n");
        StringAssert.Contains(readme, $"**median {F(Quantile(ack, 0.5))} dBA** (lowest {F(ack.Min())} dBA, highest {F(ack.Max())} dBA)");
    }

    /// <summary>The tables of docs/acoustics.md (every headphone) and docs/safety.md (the summary), generated.</summary>
    [TestMethod]
    public void Tier_tables_in_the_docs_are_current()
    {
        Docs.GeneratedSection.AssertCurrent("docs/acoustics.md", "tier table", "Tier_tables", PerHeadphone());
        Docs.GeneratedSection.AssertCurrent("docs/safety.md", "tier summary", "Tier_tables", Summary());
    }

    public static string Summary()
    {
        var sb = new StringBuilder();
        sb.Append($"What the {All.Count} headphones of `data/headphones.csv` (electrostatics left out) reach at the ceiling of each tier,\n");
        sb.Append("with the programme signal and each model's true sensitivity (default limit 85 dBA, acknowledged limit 100 dBA):\n\n");
        sb.Append("| tier | sensitivity the controller uses | median | quartiles | lowest | highest |\n|---|---|---:|---:|---:|---:|\n");
        void Row(string tier, string sens, Func<Reach, double> f)
        {
            var v = All.Select(f).ToList();
            sb.Append($"| {tier} | {sens} | {F(Quantile(v, 0.5))} dBA | {F(Quantile(v, 0.25))}–{F(Quantile(v, 0.75))} dBA | {F(v.Min())} dBA | {F(v.Max())} dBA |\n");
        }
        Row("default", "worst case for the impedance (no profile)", r => r.UnknownDefault);
        Row("acknowledged", "worst case for the impedance (no profile)", r => r.UnknownAck);
        Row("default", "confirmed profile (true sensitivity)", r => r.ProfileDefault);
        Row("acknowledged", "confirmed profile (true sensitivity)", r => r.ProfileAck);
        return sb.ToString();
    }

    public static string PerHeadphone()
    {
        var sb = new StringBuilder(Summary());
        sb.Append("\n| headphone | impedance | sensitivity | no profile: default | no profile: acknowledged | profile: default | profile: acknowledged |\n");
        sb.Append("|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in All)
            sb.Append($"| {r.Row.Model} | {r.Row.NominalOhm.ToString(CultureInfo.InvariantCulture)} Ω | {r.Row.Value.ToString(CultureInfo.InvariantCulture)} {SensitivityUnits.Name(r.Row.Unit)} | "
                + $"{F(r.UnknownDefault)} | {F(r.UnknownAck)} | {F(r.ProfileDefault)} | {F(r.ProfileAck)} |\n");
        return sb.ToString();
    }
}
