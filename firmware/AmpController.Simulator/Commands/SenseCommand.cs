using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using AmpController.Core.Sensing;
using AmpController.Simulator.Board;
using AmpController.Simulator.Cli;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Commands;

/// <summary>
/// `ampsim sense` (docs/design.md §7): one measurement of a load through the simulated sense circuit of a board drawn from
/// the seed (component tolerances, ADC reference, non-linearity and noise), factory-calibrated, read by the real
/// firmware estimator on a 10 ms tick.
/// </summary>
public sealed class SenseCommand : ICommand
{
    public string Name => "sense";
    public HelpedCommand Build(CliIo io)
    {
        var load = CliOptions.Parsed<SimSenseLoad?>("--load", "LOAD", """
            what is plugged in: OHM (both channels), L_OHM,R_OHM, open, short or mono:OHM
            (a mono plug: the tip drives OHM, the ring touches the sleeve); each side of a pair may
            also be open or short
            """, text =>
            {
                try { return SimSenseLoad.Parse(text); }
                catch (FormatException e) { throw new UsageException("--load: " + e.Message); }
            });
        var seed = CliOptions.WholeNumber("--seed", "N", "draws the board (tolerances, ADC reference, non-linearity, noise), 0..2147483647 (default 1)", 0, int.MaxValue);
        var json = CliOptions.Flag("--json", """
            print one JSON object: {"left":{"ohm":..,"class":..},"right":{..},"class":..};
            ohm is null unless the channel is a headphone; estimateOhm is the raw estimate
            """);
        var command = new HelpedCommand(Name, "Simulated impedance measurement of one load")
        {
            Usage = "Usage: ampsim sense --load LOAD [--seed N] [--json]",
            Details = "One measurement through the modelled sense circuit of a board drawn from the seed, read by the firmware's estimator.",
            Examples = ["ampsim sense --load 32", "ampsim sense --load 300,open --seed 7", "ampsim sense --load mono:32 --json"],
            ExitCodes = [(0, "measured (whatever the class)"), (2, "bad input (one line on stderr)")],
        };
        command.Options.Add(load);
        command.Options.Add(seed);
        command.Options.Add(json);
        command.SetAction(p => Run(
            p.GetValue(load) ?? throw new UsageException("--load LOAD is required (OHM, L_OHM,R_OHM, open, short or mono:OHM)"),
            p.GetResult(load)!.Tokens[0].Value, (int)(p.GetValue(seed) ?? 1), p.GetValue(json), io.Out));
        return command;
    }

    static int Run(SimSenseLoad load, string loadText, int seed, bool json, TextWriter stdout)
    {
        var rig = new SimSenseRig(seed);
        SenseResult r = rig.Measure(load);
        if (json) stdout.WriteLine(ToJson(r, seed, rig));
        else WriteText(r, loadText, seed, rig, stdout);
        return ExitCodes.Ok;
    }

    /// <summary>Contract name of a class (docs/design.md §7): open, short, mono, line, headphone, plus uncertain.</summary>
    public static string ClassName(LoadClass c) => c switch
    {
        LoadClass.Open => "open",
        LoadClass.Short => "short",
        LoadClass.Mono => "mono",
        LoadClass.Line => "line",
        LoadClass.Headphone => "headphone",
        _ => "uncertain",
    };

    internal static string ToJson(SenseResult r, int seed, SimSenseRig rig)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            Channel(w, "left", r.LeftOhm, r.LeftClass, rig.Sensor.EstimatedOhm(SenseChannel.Left));
            Channel(w, "right", r.RightOhm, r.RightClass, rig.Sensor.EstimatedOhm(SenseChannel.Right));
            w.WriteString("class", ClassName(r.Class));
            w.WriteBoolean("confirmed", r.Confirmed);
            w.WriteNumber("seed", seed);
            w.WriteNumber("durationMs", rig.LastDurationMs);
            w.WriteBoolean("calibrationFallback", rig.Sensor.Calibration.FellBackToDefaults);
            w.WriteStartObject("adc"); // docs/design.md §7: the converter as modelled (11 dB, this board's full scale)
            w.WriteNumber("attenuationDb", SimEsp32Adc.AttenuationDb);
            w.WriteNumber("fullScaleMv", Math.Round(rig.Circuit.Adc.FullScaleVolts * 1000));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>ohm: the value the firmware acts on (headphone channels only); estimateOhm: the raw estimate.</summary>
    static void Channel(Utf8JsonWriter w, string name, double ohm, LoadClass c, double estimate)
    {
        w.WriteStartObject(name);
        Number(w, "ohm", ohm);
        w.WriteString("class", ClassName(c));
        Number(w, "estimateOhm", estimate);
        w.WriteEndObject();
    }

    static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, Math.Round(v, 2)); else w.WriteNull(name);
    }

    static void WriteText(SenseResult r, string loadText, int seed, SimSenseRig rig, TextWriter o)
    {
        var inv = CultureInfo.InvariantCulture;
        string Ohm(double v) => double.IsFinite(v) ? string.Create(inv, $"{v:F2} ohm") : "-";
        o.WriteLine($"Load     {loadText} (board seed {seed})");
        o.WriteLine($"Left     {Ohm(rig.Sensor.EstimatedOhm(SenseChannel.Left)),-12} {ClassName(r.LeftClass)}");
        o.WriteLine($"Right    {Ohm(rig.Sensor.EstimatedOhm(SenseChannel.Right)),-12} {ClassName(r.RightClass)}");
        o.WriteLine($"Class    {ClassName(r.Class)}{(r.Confirmed ? " (confirmed)" : " (not confirmed: muted or conservative, rule S7)")}");
        o.WriteLine(string.Create(inv, $"Time     {rig.LastDurationMs} ms of device time, both channels"));
        if (rig.Sensor.Calibration.FellBackToDefaults) o.WriteLine("Note     calibration fell back to defaults");
    }
}
