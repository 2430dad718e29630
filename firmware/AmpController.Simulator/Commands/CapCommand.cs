using System;
using System.Globalization;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using AmpController.Core.Acoustics;
using AmpController.Core.Sensing;
using AmpController.Simulator.Cli;
using AmpController.Simulator.Vocabulary;

namespace AmpController.Simulator.Commands;

/// <summary>`ampsim cap` (docs/design.md §7): the policy's gain, cap and resulting programme level for one headphone.</summary>
public sealed class CapCommand : ICommand
{
    public string Name => "cap";

    public HelpedCommand Build(CliIo io)
    {
        var impedance = CliOptions.Parsed<double?>("--impedance", "OHM", "measured impedance of the headphone in ohms (> 0)", text =>
            Finite("--impedance", text) is var v && v > 0 ? v : throw new UsageException($"--impedance must be greater than 0 ohm, got '{text}'"));
        var sensitivity = CliOptions.Parsed<double?>("--sensitivity", "VALUE", "the maker's sensitivity; needs --unit. Without it the worst case for the impedance is used", text =>
            Finite("--sensitivity", text) is var v && v >= PolicyLimits.MinSensitivityDb && v <= PolicyLimits.MaxSensitivityDb ? v
                : throw new UsageException($"--sensitivity must be between {PolicyLimits.MinSensitivityDb:0} and {PolicyLimits.MaxSensitivityDb:0} dB, got '{text}'"));
        var unit = CliOptions.Parsed<SensitivityUnit?>("--unit", "dB/mW|dB/V", "unit of --sensitivity (dB SPL at 1 mW or at 1 Vrms)", text =>
            Names.Units.TryParse(text, out var u) ? u : throw new UsageException($"--unit must be dB/mW or dB/V, got '{text}'"));
        var limit = CliOptions.Parsed<double?>("--limit", "DBA", $"maximum programme level, {PolicyLimits.MinLimitDbA:0}-{PolicyLimits.MaxLimitDbA:0} dBA (default {PolicyLimits.DefaultLimitDbA:0})", text =>
            Finite("--limit", text) is var v && v >= PolicyLimits.MinLimitDbA && v <= PolicyLimits.MaxLimitDbA ? v
                : throw new UsageException($"--limit must be between {PolicyLimits.MinLimitDbA:0} and {PolicyLimits.MaxLimitDbA:0} dBA, got '{text}'"));
        var ackLimit = CliOptions.Parsed<double?>("--ack-limit", "DBA", $"limit of the acknowledged tier (S12), {PolicyLimits.MinAckLimitDbA:0}-{PolicyLimits.MaxAckLimitDbA:0} dBA (default {PolicyLimits.DefaultAckLimitDbA:0})", text =>
            Finite("--ack-limit", text) is var v && v >= PolicyLimits.MinAckLimitDbA && v <= PolicyLimits.MaxAckLimitDbA ? v
                : throw new UsageException($"--ack-limit must be between {PolicyLimits.MinAckLimitDbA:0} and {PolicyLimits.MaxAckLimitDbA:0} dBA, got '{text}'"));
        var model = CliOptions.Parsed<int?>("--model", "NAME", "a headphone of the project's table (data/headphones.csv; case and spaces do not matter): its nominal impedance and sensitivity", text => (int?)ModelRow(text));
        var json = CliOptions.Flag("--json", "print one JSON object");
        var command = new HelpedCommand(Name, "Gain, volume cap and resulting level for a headphone")
        {
            Usage = "Usage: ampsim cap (--impedance OHM [--sensitivity VALUE --unit dB/mW|dB/V] | --model NAME) [--limit DBA] [--ack-limit DBA] [--json]",
            Details = """
                The safety policy's decision for one headphone (docs/design.md §7): the gain, the deepest attenuator
                setting the user may reach (the cap), the programme level there, and why. A load the controller keeps
                muted (a short, an open jack) gets "muted" and the reason, never a level. "ack" is the acknowledged tier
                (rule S12): what the long press after the warning at the cap allows, up to the --ack-limit.
                --model looks the headphone up by name; an unknown name is bad input with the closest names.
                """,
            Examples =
            [
                "ampsim cap --impedance 300 --sensitivity 97 --unit dB/mW",
                "ampsim cap --impedance 32          (unknown headphone: the worst case for 32 ohm)",
                "ampsim cap --impedance 16 --sensitivity 120 --unit dB/V --limit 80 --json",
                "ampsim cap --model \"HD 600\"       (Sennheiser HD 600: 300 ohm, 97 dB/V)",
            ],
            ExitCodes = [(0, "the decision was printed"), (2, "bad input (one line on stderr)")],
        };
        foreach (var option in new Option[] { impedance, sensitivity, unit, model, limit, ackLimit, json }) command.Options.Add(option);
        command.SetAction(p =>
        {
            var input = p.GetValue(model) is int row
                ? ModelInput(row, p.GetValue(impedance), p.GetValue(sensitivity), p.GetValue(unit), p.GetValue(limit) ?? PolicyLimits.DefaultLimitDbA)
                : Input(p.GetValue(impedance), p.GetValue(sensitivity), p.GetValue(unit), p.GetValue(limit) ?? PolicyLimits.DefaultLimitDbA);
            input.AckLimitDbA = p.GetValue(ackLimit) ?? PolicyLimits.DefaultAckLimitDbA;
            var decision = SafetyPolicy.Decide(input);
            string? modelName = p.GetValue(model) is int m ? HeadphoneLookup.Name(m) : null;
            if (p.GetValue(json)) io.Out.WriteLine(ToJson(decision, input.Class, modelName));
            else
            {
                if (modelName != null) io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Model        {modelName} ({input.LeftOhm:0.#} ohm nominal, {input.KnownSensitivity:0.#} {SensitivityUnits.Name(input.KnownUnit)})"));
                WriteText(decision, input.Class, io.Out);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static PolicyInput Input(double? impedance, double? sensitivity, SensitivityUnit? unit, double limit)
    {
        if (impedance is null) throw new UsageException("--impedance OHM is required");
        if (sensitivity is not null && unit is null) throw new UsageException("--sensitivity needs --unit dB/mW or dB/V");
        if (sensitivity is null && unit is not null) throw new UsageException("--unit needs --sensitivity");
        var input = PolicyInput.ForHeadphone(impedance.Value);
        // The class the device's classifier gives this resistance: a short or an open jack is muted (S7), not capped.
        var channel = LoadClassifier.ClassifyChannel(impedance.Value, LoadClass.Uncertain);
        input.Class = LoadClassifier.Combine(channel, channel);
        input.LimitDbA = limit;
        if (sensitivity is double s) input.SetKnownSensitivity(s, unit!.Value);
        return input;
    }

    /// <summary>The table row of --model NAME; an unknown name is bad input that names the closest models.</summary>
    static int ModelRow(string text)
    {
        int row = HeadphoneLookup.Find(text);
        if (row == HeadphoneLookup.NotFound)
            throw new UsageException($"--model: no headphone '{text}' in the table; closest: {HeadphoneLookup.ClosestNames(text, 3)}");
        return row;
    }

    static PolicyInput ModelInput(int row, double? impedance, double? sensitivity, SensitivityUnit? unit, double limit)
    {
        if (impedance is not null || sensitivity is not null || unit is not null)
            throw new UsageException("--model gives impedance and sensitivity: do not combine it with --impedance, --sensitivity or --unit");
        return Input(HeadphoneLookup.NominalOhm(row), HeadphoneLookup.Sensitivity(row), HeadphoneLookup.Unit(row), limit);
    }

    static double Finite(string option, string text) =>
        CliOptions.TryFinite(text, out double v) ? v : throw new UsageException($"{option} must be a finite number, got '{text}'");

    internal static string ToJson(PolicyDecision d, LoadClass load, string? model = null)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            if (model != null) w.WriteString("model", model);
            w.WriteString("loadClass", SenseCommand.ClassName(load));
            w.WriteNumber("gainDb", d.GainDb);
            w.WriteNumber("gainStep", d.GainStep);
            if (d.Muted) w.WriteNull("capDb"); else w.WriteNumber("capDb", d.CapDb);
            if (d.Muted) w.WriteNull("splDbA"); else w.WriteNumber("splDbA", Math.Round(d.SplAtCapDbA, 1));
            Nullable(w, "assumedSensitivityDbPerV", d.AssumedSensitivityDbPerV);
            w.WriteBoolean("sensitivityKnown", d.SensitivityKnown);
            w.WriteString("sensitivitySource", SourceName(d.Source));
            w.WriteBoolean("muted", d.Muted);
            w.WriteNumber("limitDbA", Math.Round(d.LimitDbA, 1));
            if (d.Muted || d.SafeStartDb == AttenuatorProfile.MuteDb) w.WriteNull("safeStartDb"); else w.WriteNumber("safeStartDb", d.SafeStartDb);
            w.WriteBoolean("startsMuted", d.Muted || d.SafeStartDb == AttenuatorProfile.MuteDb);
            w.WriteBoolean("reachesLimit", d.ReachesLimit);
            w.WriteBoolean("cleanPeaks", d.CleanPeaks);
            Nullable(w, "hissDbA", d.HissDbA);
            w.WriteBoolean("hissAudible", d.HissAudible);
            Nullable(w, "dampingFactor", d.DampingFactor);
            if (d.SensitivityKnown) w.WriteBoolean("needsDedicatedAmp", d.NeedsDedicatedAmp); else w.WriteNull("needsDedicatedAmp");
            // S12: the acknowledged tier (the default tier's numbers where it adds nothing; null numbers when muted).
            w.WriteStartObject("ack");
            w.WriteBoolean("available", d.HasAck);
            w.WriteNumber("limitDbA", Math.Round(d.AckLimitDbA, 1));
            w.WriteNumber("gainDb", d.AckGainDb);
            if (d.Muted) w.WriteNull("capDb"); else w.WriteNumber("capDb", d.AckCapDb);
            if (d.Muted) w.WriteNull("splDbA"); else w.WriteNumber("splDbA", Math.Round(d.AckSplAtCapDbA, 1));
            w.WriteEndObject();
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

    static void WriteText(PolicyDecision d, LoadClass load, TextWriter o)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine(double.IsFinite(d.AssumedSensitivityDbPerV)
            ? string.Create(inv, $"Sensitivity  {d.AssumedSensitivityDbPerV:F1} dB/V ({(d.SensitivityKnown ? "given" : "worst case for this impedance")})")
            : "Sensitivity  - (no headphone to drive)");
        o.WriteLine(string.Create(inv, $"Gain         {d.GainDb:+0;-0;0} dB (step {d.GainStep})"));
        if (d.Muted)
            o.WriteLine(load == LoadClass.Headphone
                ? "Cap          muted: even the deepest attenuator step would pass the limit (rule S4)"
                : $"Cap          muted: the output stays off for this load ({SenseCommand.ClassName(load)}, rule S7)");
        else
        {
            o.WriteLine(string.Create(inv, $"Cap          {d.CapDb} dB -> {d.SplAtCapDbA:F1} dBA with the programme signal (limit {d.LimitDbA:F0} dBA)"));
            o.WriteLine(d.HasAck
                ? string.Create(inv, $"Acknowledged {d.AckCapDb} dB at gain {d.AckGainDb:+0;-0;0} dB -> {d.AckSplAtCapDbA:F1} dBA after the warning and a 1.5 s press (limit {d.AckLimitDbA:F0} dBA)")
                : string.Create(inv, $"Acknowledged none: the tier (limit {d.AckLimitDbA:F0} dBA) allows no more than the cap"));
            o.WriteLine(d.SafeStartDb == AttenuatorProfile.MuteDb
                ? "Safe start   muted (even the deepest step is above the safe default level; turn up from mute)"
                : string.Create(inv, $"Safe start   {d.SafeStartDb} dB -> {d.SplAtSafeStartDbA:F1} dBA"));
        }
        o.WriteLine("Why:");
        foreach (var r in d.Reasons) o.WriteLine("  " + r);
    }
}
