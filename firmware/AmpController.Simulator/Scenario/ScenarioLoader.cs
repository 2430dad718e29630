using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AmpController.Core.Acoustics;
using AmpController.Core.Control;
using AmpController.Core.SerialConsole;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;
using AmpController.Simulator.Scenario.Json;
using AmpController.Simulator.Vocabulary;

namespace AmpController.Simulator.Scenario;

/// <summary>
/// Reads a scenario file (docs/design.md §7, docs/scenarios.md) into a <see cref="ScenarioSpec"/>: System.Text.Json
/// refuses unknown fields, wrong types and unknown names (<see cref="StrictJson"/>); this class checks ranges and the
/// rules between fields. Every error is a <see cref="ScenarioException"/> whose message starts with the JSON path.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>One simulated week: long enough for sound-dose runs, short enough to bound a typo's cost.</summary>
    public const long MaxDurationMs = 7L * 24 * 3600 * 1000;

    /// <summary>The names `stateAt.state` may give: the controller's trace names, and "off" for a board without power.</summary>
    public static readonly IReadOnlyList<string> StateNames =
        Enum.GetValues<ControllerState>().Select(ControllerStates.Name).Append(SimulatedBoard.PoweredOffState).ToArray();

    public static ScenarioSpec Parse(string json)
    {
        var file = StrictJson.Deserialize<ScenarioJson>(json);
        string name = file.Name;
        int seed = (int)Whole(file.Seed ?? 1, "$.seed", int.MinValue, int.MaxValue, "");
        long duration = Whole(file.DurationMs, "$.durationMs", 1, MaxDurationMs, "ms");
        double limit = Number(file.Settings?.LimitDbA ?? 85, "$.settings.limitDbA", 40, 100, "dBA");                 // S4: at most 100 dBA
        double safeDefault = Number(file.Settings?.SafeDefaultDbA ?? 70, "$.settings.safeDefaultDbA", 60, 80, "dBA"); // S2: 60–80 dBA
        double ackLimit = Number(file.Settings?.AckLimitDbA ?? 100, "$.settings.ackLimitDbA", 85, 100, "dBA");           // S12: 85–100 dBA
        var profiles = (file.Profiles ?? []).Select((p, i) => Profile(p, $"$.profiles[{i}]")).ToList();
        Storable(profiles);
        var events = Events(file.Events, duration);
        var expect = (file.Expect ?? []).SelectMany((e, i) => Expectations(e, $"$.expect[{i}]", duration)).ToList();
        var board = new BoardConfig(seed, file.Board?.VolumeChip ?? Core.Storage.VolumeChipChoice.Ds1882, limit, safeDefault, profiles,
            AckLimitDbA: ackLimit);
        return new ScenarioSpec(name, file.Description, seed, duration, board, events, expect);
    }

    static ProfileSpec Profile(ProfileJson p, string path) => new(
        p.Name,
        Number(p.ImpedanceOhm, path + ".impedanceOhm", 1, 100_000, "Ω"),
        Number(p.Sensitivity, path + ".sensitivity", 50, 160, "dB"),
        p.Unit);

    /// <summary>Profiles reach the firmware through the device's store (BoardFlash): one the console would refuse is an error here.</summary>
    static void Storable(IReadOnlyList<ProfileSpec> profiles)
    {
        var settings = new Settings();
        for (int i = 0; i < profiles.Count; i++)
        {
            SettingsResult result = settings.TryAddProfile(BoardFlash.Stored(profiles[i]));
            if (result != SettingsResult.Ok)
                throw new ScenarioException($"$.profiles[{i}]", "the device cannot store this profile: " + ConsoleMessages.Explain(result));
        }
    }

    static List<ScenarioEvent> Events(List<EventJson> items, long duration)
    {
        var events = new List<ScenarioEvent>();
        long previous = 0;
        for (int i = 0; i < items.Count; i++)
        {
            string path = $"$.events[{i}]";
            long at = Whole(items[i].AtMs, path + ".atMs", 0, long.MaxValue, "ms");
            if (at > duration)
                throw new ScenarioException(path + ".atMs", $"{at} ms is after the end of the scenario (durationMs {duration})");
            if (at < previous)
                throw new ScenarioException(path + ".atMs", $"{at} ms is before the previous event at {previous} ms (list events in time order)");
            previous = at;
            events.Add(Action(items[i], path, at));
        }
        return events;
    }

    static readonly string[] ActionNames = ["plug", "unplug", "encoder", "mute", "button", "fault", "programme"];

    /// <summary>Longest push a scenario may hold the knob (one minute; S12's long press is 1.5 s).</summary>
    public const long MaxHoldMs = 60_000;

    static ScenarioEvent Action(EventJson e, string path, long at)
    {
        object?[] values = [e.Plug, e.Unplug, e.Encoder, e.Mute, e.Button, e.Fault, e.Programme];
        var present = ActionNames.Where((_, i) => values[i] is not null).ToArray();
        if (present.Length == 0)
            throw new ScenarioException(path, $"missing action (expected one of {Names.List(ActionNames)})");
        if (present.Length > 1)
            throw new ScenarioException(path, $"more than one action ({Names.List(present)}); use one event for each");
        if (e.Plug is { } plug) return Plug(plug, $"{path}.plug", at);
        if (e.Unplug is not null) return new UnplugEvent(at);
        if (e.Mute is not null) return new MuteEvent(at);
        if (e.Button is { } button) return new ButtonPressEvent(at, (int)Whole(button.HoldMs, path + ".button.holdMs", 1, MaxHoldMs, "ms"));
        if (e.Programme is { } programme) return new ProgrammeEvent(at, programme.Silent);
        if (e.Encoder is long detents) return new EncoderEvent(at, (int)Whole(detents, path + ".encoder", -1000, 1000, "detents"));
        return Fault(e.Fault!, $"{path}.fault", at);
    }

    static PlugEvent Plug(PlugJson p, string path, long at)
    {
        double left = Number(p.LeftOhm, path + ".leftOhm", 0, 1e9, "Ω");   // 0 = shorted contact, huge = open
        double right = Number(p.RightOhm, path + ".rightOhm", 0, 1e9, "Ω");
        double? sensitivity = p.Sensitivity is double s ? Number(s, path + ".sensitivity", 50, 160, "dB") : null;
        if (sensitivity is not null && p.Unit is null)
            throw new ScenarioException(path + ".unit", "missing required field (sensitivity needs its unit, dB/mW or dB/V)");
        if (p.Unit is not null && sensitivity is null)
            throw new ScenarioException(path + ".sensitivity", "missing required field (unit given without sensitivity)");
        SensitivityUnit unit = p.Unit ?? SensitivityUnit.DbPerMw;
        double dbPerV = Sensitivity.ToDbPerV(sensitivity ?? Sensitivity.DefaultDbPerMw, unit, Sensitivity.NominalOhm(left, right));
        // A dB/mW rating: each ear converts at its own impedance (BoardAcoustics), not at the plug's mean.
        double? dbPerMw = unit == SensitivityUnit.DbPerMw ? sensitivity ?? Sensitivity.DefaultDbPerMw : null;
        // |Z| over the programme's band per DC ohm, for the load watch (docs/scenarios.md): dynamic drivers peak at
        // resonance, balanced armatures may dip.
        double zMin = Number(p.ImpedanceMinPerDc ?? HeadphoneLoad.DefaultZMinPerDc, path + ".impedanceMinPerDc", 0.3, 1.0, "");
        double zMax = Number(p.ImpedanceMaxPerDc ?? HeadphoneLoad.DefaultZMaxPerDc, path + ".impedanceMaxPerDc", 1.0, 4.0, "");
        return new PlugEvent(at, new HeadphoneLoad(left, right, dbPerV, p.HalfInserted ?? false, dbPerMw, zMin, zMax), sensitivity, p.Unit);
    }

    static FaultEvent Fault(FaultJson f, string path, long at)
    {
        var allowed = ScenarioVocabulary.DevicesFor(f.Kind);
        var device = f.Device ?? allowed[0];
        if (!allowed.Contains(device))
            throw new ScenarioException(path + ".device",
                $"fault kind {f.Kind.Name()} cannot hit device '{device.Name()}' (expected {Names.List(allowed.Select(d => d.Name()))})");
        int count = (int)Whole(f.Count ?? 1, path + ".count", 1, 1_000_000, "");
        int duration = (int)Whole(f.DurationMs ?? 0, path + ".durationMs", 0, int.MaxValue, "ms");
        return new FaultEvent(at, new FaultSpec(f.Kind, device, count, duration));
    }

    static readonly string[] ExpectationKinds = ["maxSplDbA", "relayOpenWithinMs", "musicWithinMs", "recoverWithinMs", "silentBetween", "quietBetween", "stateAt", "loadSwap"];

    static List<Expectation> Expectations(ExpectJson e, string path, long durationMs)
    {
        var result = new List<Expectation>();
        if (e.MaxSplDbA is double max) result.Add(new MaxSplExpectation(path + ".maxSplDbA", Number(max, path + ".maxSplDbA", 0, 200, "dBA")));
        if (e.RelayOpenWithinMs is long relay) result.Add(new RelayOpenExpectation(path + ".relayOpenWithinMs", Whole(relay, path + ".relayOpenWithinMs", 0, durationMs, "ms")));
        if (e.MusicWithinMs is long music) result.Add(new MusicExpectation(path + ".musicWithinMs", Whole(music, path + ".musicWithinMs", 0, durationMs, "ms")));
        if (e.RecoverWithinMs is long recover) result.Add(new RecoverExpectation(path + ".recoverWithinMs", Whole(recover, path + ".recoverWithinMs", 0, durationMs, "ms")));
        if (e.SilentBetween is { } silent) result.Add(Silent(silent, path + ".silentBetween", durationMs));
        if (e.QuietBetween is { } quiet)
        {
            var window = Silent(quiet, path + ".quietBetween", durationMs);
            result.Add(new QuietExpectation(path + ".quietBetween", window.FromMs, window.ToMs));
        }
        if (e.StateAt is { } state) result.Add(StateAt(state, path + ".stateAt", durationMs));
        if (e.LoadSwap is { } swap)
            result.Add(new LoadSwapExpectation(path + ".loadSwap", Number(swap.MaxSplDbA, path + ".loadSwap.maxSplDbA", 0, 200, "dBA"),
                Whole(swap.WithinMs, path + ".loadSwap.withinMs", 0, durationMs, "ms")));
        if (result.Count == 0)
            throw new ScenarioException(path, $"empty expectation (expected one of {Names.List(ExpectationKinds)})");
        return result;
    }

    static SilentExpectation Silent(SilentJson s, string path, long durationMs)
    {
        long from = Whole(s.FromMs, path + ".fromMs", 0, durationMs, "ms");
        long to = Whole(s.ToMs, path + ".toMs", 0, durationMs, "ms");
        if (to < from) throw new ScenarioException(path + ".toMs", $"{to} ms is before fromMs {from} ms");
        return new SilentExpectation(path, from, to);
    }

    static StateAtExpectation StateAt(StateAtJson s, string path, long durationMs)
    {
        if (s.State is { } state && !StateNames.Contains(state))
            throw new ScenarioException(path + ".state", $"unknown controller state '{state}' (expected {Names.List(StateNames)})");
        if (s.State is null && s.RelayClosed is null && s.GainDb is null)
            throw new ScenarioException(path, "stateAt needs at least one of state, relayClosed, gainDb");
        return new StateAtExpectation(path, Whole(s.AtMs, path + ".atMs", 0, durationMs, "ms"), s.State, s.RelayClosed,
            s.GainDb is double gain ? Number(gain, path + ".gainDb", -60, 60, "dB") : null);
    }

    static double Number(double value, string path, double min, double max, string unit) =>
        value >= min && value <= max ? value
            : throw new ScenarioException(path, Invariant($"{value} is out of range ({min}..{max}{Unit(unit)})"));

    static long Whole(long value, string path, long min, long max, string unit)
    {
        if (value < 0 && min >= 0) throw new ScenarioException(path, $"negative value {value} (must be ≥ {min}{Unit(unit)})");
        if (value < min || value > max) throw new ScenarioException(path, $"{value} is out of range ({min}..{max}{Unit(unit)})");
        return value;
    }

    static string Unit(string unit) => unit.Length == 0 ? "" : " " + unit;

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
