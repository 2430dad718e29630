using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using AmpController.Core.Acoustics;
using AmpController.Simulator.Cli;

namespace AmpController.Simulator.Commands;

/// <summary>`ampsim cap` (docs/design.md §7): the policy's gain, cap and resulting programme level for one headphone.</summary>
public sealed class CapCommand : ICommand
{
    public string Name => "cap";
    public string Summary => "Gain, volume cap and resulting level for a headphone";
    public string Usage => """
        Usage: ampsim cap --impedance OHM [--sensitivity VALUE --unit dB/mW|dB/V] [--limit DBA] [--json]

        Options:
          --impedance OHM        measured impedance of the headphone in ohms (> 0)
          --sensitivity VALUE    the maker's sensitivity; needs --unit. Without it the worst case for the impedance is used
          --unit dB/mW|dB/V      unit of --sensitivity (dB SPL at 1 mW or at 1 Vrms)
          --limit DBA            maximum programme level, 60-100 dBA (default 85)
          --json                 print one JSON object
        """;

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var input = Parse(args, out bool json);
        var decision = SafetyPolicy.Decide(input);
        if (json) stdout.WriteLine(ToJson(decision));
        else WriteText(decision, stdout);
        return ExitCodes.Ok;
    }

    internal static PolicyInput Parse(string[] args, out bool json)
    {
        json = false;
        double impedance = double.NaN, sensitivity = double.NaN, limit = PolicyLimits.DefaultLimitDbA;
        SensitivityUnit? unit = null;
        bool haveImpedance = false, haveSensitivity = false, haveLimit = false;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            switch (a)
            {
                case "--json":
                    if (json) throw new UsageException("--json given twice");
                    json = true;
                    break;
                case "--impedance":
                    Once(ref haveImpedance, a);
                    impedance = Number(args, ref i, a);
                    if (impedance <= 0) throw new UsageException($"--impedance must be greater than 0 ohm, got '{args[i]}'");
                    break;
                case "--sensitivity":
                    Once(ref haveSensitivity, a);
                    sensitivity = Number(args, ref i, a);
                    if (sensitivity < PolicyLimits.MinSensitivityDb || sensitivity > PolicyLimits.MaxSensitivityDb)
                        throw new UsageException($"--sensitivity must be between {PolicyLimits.MinSensitivityDb:0} and {PolicyLimits.MaxSensitivityDb:0} dB, got '{args[i]}'");
                    break;
                case "--unit":
                    if (unit != null) throw new UsageException("--unit given twice");
                    unit = ParseUnit(Value(args, ref i, a));
                    break;
                case "--limit":
                    Once(ref haveLimit, a);
                    limit = Number(args, ref i, a);
                    if (limit < PolicyLimits.MinLimitDbA || limit > PolicyLimits.MaxLimitDbA)
                        throw new UsageException($"--limit must be between {PolicyLimits.MinLimitDbA:0} and {PolicyLimits.MaxLimitDbA:0} dBA, got '{args[i]}'");
                    break;
                default:
                    throw new UsageException(a.StartsWith('-') ? $"unknown option '{a}'" : $"unexpected argument '{a}'");
            }
        }
        if (!haveImpedance) throw new UsageException("--impedance OHM is required");
        if (haveSensitivity && unit == null) throw new UsageException("--sensitivity needs --unit dB/mW or dB/V");
        if (!haveSensitivity && unit != null) throw new UsageException("--unit needs --sensitivity");

        var input = PolicyInput.ForHeadphone(impedance);
        input.LimitDbA = limit;
        if (haveSensitivity) input.SetKnownSensitivity(sensitivity, unit!.Value);
        return input;
    }

    static void Once(ref bool seen, string option)
    {
        if (seen) throw new UsageException($"{option} given twice");
        seen = true;
    }

    static string Value(string[] args, ref int i, string option)
    {
        if (i + 1 >= args.Length || (args[i + 1].StartsWith("--") && args[i + 1].Length > 2))
            throw new UsageException($"{option} needs a value");
        return args[++i];
    }

    static double Number(string[] args, ref int i, string option)
    {
        string text = Value(args, ref i, option);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new UsageException($"{option} must be a finite number, got '{text}'");
        return v;
    }

    static SensitivityUnit ParseUnit(string text) => text.ToLowerInvariant() switch
    {
        "db/mw" => SensitivityUnit.DbPerMw,
        "db/v" => SensitivityUnit.DbPerV,
        _ => throw new UsageException($"--unit must be dB/mW or dB/V, got '{text}'"),
    };

    internal static string ToJson(PolicyDecision d)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            w.WriteNumber("gainDb", d.GainDb);
            w.WriteNumber("gainStep", d.GainStep);
            if (d.Muted) w.WriteNull("capDb"); else w.WriteNumber("capDb", d.CapDb);
            if (d.Muted) w.WriteNull("splDbA"); else w.WriteNumber("splDbA", Math.Round(d.SplAtCapDbA, 1));
            w.WriteNumber("assumedSensitivityDbPerV", Math.Round(d.AssumedSensitivityDbPerV, 1));
            w.WriteBoolean("sensitivityKnown", d.SensitivityKnown);
            w.WriteString("sensitivitySource", SourceName(d.Source));
            w.WriteBoolean("muted", d.Muted);
            w.WriteNumber("limitDbA", Math.Round(d.LimitDbA, 1));
            if (d.Muted) w.WriteNull("safeStartDb"); else w.WriteNumber("safeStartDb", d.SafeStartDb);
            w.WriteBoolean("reachesLimit", d.ReachesLimit);
            w.WriteBoolean("cleanPeaks", d.CleanPeaks);
            Nullable(w, "hissDbA", d.HissDbA);
            w.WriteBoolean("hissAudible", d.HissAudible);
            Nullable(w, "dampingFactor", d.DampingFactor);
            if (d.SensitivityKnown) w.WriteBoolean("needsDedicatedAmp", d.NeedsDedicatedAmp); else w.WriteNull("needsDedicatedAmp");
            w.WriteStartArray("reasons");
            foreach (var r in d.Reasons) w.WriteStringValue(r.ToString());
            w.WriteEndArray();
            w.WriteStartArray("reasonCodes");
            foreach (var r in d.Reasons) w.WriteStringValue(r.Code);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    static void Nullable(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, Math.Round(value, 1)); else w.WriteNull(name);
    }

    static string SourceName(SensitivitySource s) => s switch
    {
        SensitivitySource.Known => "known",
        SensitivitySource.Profile => "profile",
        SensitivitySource.WorstCase => "worstCase",
        SensitivitySource.Unconfirmed => "unconfirmed",
        _ => "none",
    };

    static void WriteText(PolicyDecision d, TextWriter o)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(inv, $"Sensitivity  {d.AssumedSensitivityDbPerV:F1} dB/V ({(d.SensitivityKnown ? "given" : "worst case for this impedance")})"));
        o.WriteLine(string.Create(inv, $"Gain         {d.GainDb:+0;-0;0} dB (step {d.GainStep})"));
        if (d.Muted)
            o.WriteLine("Cap          muted");
        else
        {
            o.WriteLine(string.Create(inv, $"Cap          {d.CapDb} dB -> {d.SplAtCapDbA:F1} dBA with the programme signal (limit {d.LimitDbA:F0} dBA)"));
            o.WriteLine(string.Create(inv, $"Safe start   {d.SafeStartDb} dB -> {d.SplAtSafeStartDbA:F1} dBA"));
        }
        o.WriteLine("Why:");
        foreach (var r in d.Reasons) o.WriteLine("  " + r);
    }
}
