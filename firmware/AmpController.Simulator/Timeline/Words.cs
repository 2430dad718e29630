using System;
using System.Globalization;
using AmpController.Simulator.Board;
using AmpController.Simulator.Scenario;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;
using AmpController.Core.Acoustics;
using AmpController.Simulator.Vocabulary;

namespace AmpController.Simulator.Timeline;

/// <summary>Plain-language descriptions of scenario actions and board values for the demo.</summary>
public static class Words
{
    public static string Db(double value) => value.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture);

    public static string Level(double? dbA) =>
        dbA is double v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " dBA" : "silent";

    public static string Action(ScenarioEvent e) => e switch
    {
        PlugEvent p => Plug(p),
        UnplugEvent => "Headphone pulled out of the jack.",
        EncoderEvent { Detents: > 0 } k => $"Listener turns the knob {k.Detents} detents up (1 dB each, rule S11: never past the cap).",
        EncoderEvent k => $"Listener turns the knob {-k.Detents} detents down (1 dB each).",
        MuteEvent => "Listener presses the knob (mute toggle).",
        ButtonPressEvent b => b.HoldMs >= AmpController.Core.Input.ButtonGesture.LongPressMs
            ? $"Listener holds the knob {b.HoldMs} ms (long press: confirms an offered profile)."
            : $"Listener presses the knob for {b.HoldMs} ms (mute toggle).",
        ProgrammeEvent { Silent: true } => "The music stops (silence at the source).",
        ProgrammeEvent => "The music plays again.",
        FaultEvent f => Fault(f.Fault),
        _ => e.ToString(),
    };

    static string Plug(PlugEvent p)
    {
        var load = p.Load;
        string contacts = load.LeftOhm <= 0 || load.RightOhm <= 0
            ? load.LeftOhm <= 0 && load.RightOhm <= 0 ? "both channels shorted" : $"mono plug: one channel {Ohm(Math.Max(load.LeftOhm, load.RightOhm))}, the other shorted to ground"
            : load.LeftOhm == load.RightOhm ? $"{Ohm(load.LeftOhm)} per channel" : $"left {Ohm(load.LeftOhm)}, right {Ohm(load.RightOhm)}";
        string truth = p.SensitivityGiven is double s
            ? $"really {s.ToString("0.#", CultureInfo.InvariantCulture)} {p.UnitGiven?.Name()}" +
              (p.UnitGiven == SensitivityUnit.DbPerV ? "" : $" = {load.SensitivityDbPerV.ToString("0.#", CultureInfo.InvariantCulture)} dB/V")
            : "sensitivity unspecified";
        string half = load.HalfInserted ? "Plug pushed in half-way (only some contacts touch): " : "Headphone plugged in: ";
        return half + contacts + (p.SensitivityGiven is null
            ? $" ({truth}; the controller must measure what it is)."
            : $" ({truth}; only the simulator knows this — the controller must measure).");
    }

    static string Ohm(double ohm) => ohm >= 1e5 ? "open" : ohm.ToString("0.#", CultureInfo.InvariantCulture) + " Ω";

    public static string Fault(FaultSpec f) => f.Kind switch
    {
        BoardFaultKind.Nack => $"FAULT injected: the {f.Device.Name()} chip stops answering on I2C (NACK) for {Count(f.Count, "transfer")}.",
        BoardFaultKind.StuckBus => $"FAULT injected: the I2C bus is stuck (a chip holds SDA low){For(f)}.",
        BoardFaultKind.ChipReset => $"FAULT injected: the {f.Device.Name()} chip resets itself (brown-out) and is back at its power-on state.",
        BoardFaultKind.BitFlip => $"FAULT injected: a bit flips in a register of the {f.Device.Name()} chip.",
        BoardFaultKind.AdcSpike => $"FAULT injected: noise spikes on the sense ADC ({Count(f.Count, "sample")}).",
        BoardFaultKind.PowerCycle => "FAULT injected: the board loses power and restarts.",
        _ => $"FAULT injected: {f.Kind.Name()}.",
    };

    static string For(FaultSpec f) => f.DurationMs > 0 ? $" for {f.DurationMs} ms" : "";

    static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    /// <summary>Why a gain step is chosen (docs/design.md §2 gains, §5 noise: lowest gain that still reaches the level).</summary>
    public static string GainReason(double gainDb) => gainDb switch
    {
        <= -10 => "the IEM gain: a very sensitive earphone needs little voltage, and the lowest gain keeps hiss inaudible",
        >= 6 => "the high gain: an insensitive headphone needs more voltage to reach a normal level",
        _ => "unity gain: enough for a typical full-size headphone without extra noise",
    };

    public static string Relay(bool closed) => closed ? "closed" : "open";

    public static string State(BoardSnapshot s) =>
        $"{s.State}, relay {Relay(s.RelayClosed)}, gain {Db(s.GainDb)} dB, attenuation {Db(s.AttenuationDb)} dB" +
        (s.Muted ? " (muted)" : "") + (s.CapDb is int c ? $", cap {Db(c)} dB" : "") + $", level {Level(s.RelayClosed ? s.SplDbA : null)}";
}
