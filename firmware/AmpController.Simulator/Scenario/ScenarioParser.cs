using System;
using System.Collections.Generic;
using System.Text.Json;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Scenario;

/// <summary>
/// Parses and validates a scenario file (docs/design.md §7, docs/scenarios.md). Every error is a
/// <see cref="ScenarioException"/> whose message starts with the JSON path of the offending value.
/// </summary>
public static class ScenarioParser
{
    /// <summary>One simulated week: long enough for sound-dose runs, short enough to bound a typo's cost.</summary>
    public const long MaxDurationMs = 7L * 24 * 3600 * 1000;

    static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip, // docs/design.md §7 shows the format with // comments
        AllowTrailingCommas = true,
    };

    public static ScenarioSpec Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new ScenarioException("$", $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        using (document) return ParseRoot(document.RootElement);
    }

    static ScenarioSpec ParseRoot(JsonElement root)
    {
        var o = new JsonObjectReader(root, "$",
            "name", "description", "seed", "durationMs", "board", "settings", "profiles", "events", "expect");
        string name = o.RequiredString("name");
        string? description = o.OptionalString("description");
        int seed = (int)(o.OptionalInteger("seed", int.MinValue, int.MaxValue, "") ?? 1);
        long duration = o.RequiredInteger("durationMs", 1, MaxDurationMs, "ms");

        string chip = "DS1882";
        if (o.Has("board"))
            chip = new JsonObjectReader(o.Required("board"), o.FieldPath("board"), "volumeChip")
                .RequiredChoice("volumeChip", ScenarioVocabulary.VolumeChips, "volume chip");

        double limit = 85, safeDefault = 70; // docs/design.md §4 S4 and S2 defaults
        if (o.Has("settings"))
        {
            var s = new JsonObjectReader(o.Required("settings"), o.FieldPath("settings"), "limitDbA", "safeDefaultDbA");
            limit = s.OptionalNumber("limitDbA", 40, 100, "dBA") ?? limit;                  // S4: at most 100 dBA
            safeDefault = s.OptionalNumber("safeDefaultDbA", 60, 80, "dBA") ?? safeDefault; // S2: 60–80 dBA
        }

        var profiles = new List<ProfileSpec>();
        int i = 0;
        foreach (var p in o.OptionalArray("profiles", out _))
            profiles.Add(ParseProfile(p, $"$.profiles[{i++}]"));
        i = 0;

        var events = ParseEvents(o, duration);

        var expect = new List<Expectation>();
        foreach (var e in o.OptionalArray("expect", out _))
            expect.AddRange(ExpectationParser.Parse(e, $"$.expect[{i++}]", duration));

        var board = new BoardConfig(seed, chip, limit, safeDefault, profiles);
        return new ScenarioSpec(name, description, seed, duration, board, events, expect);
    }

    static ProfileSpec ParseProfile(JsonElement element, string path)
    {
        var p = new JsonObjectReader(element, path, "name", "impedanceOhm", "sensitivity", "unit");
        return new ProfileSpec(
            p.RequiredString("name"),
            p.RequiredNumber("impedanceOhm", 1, 100_000, "Ω"),
            p.RequiredNumber("sensitivity", 50, 160, "dB"),
            p.RequiredChoice("unit", ScenarioVocabulary.Units, "unit"));
    }

    static List<ScenarioEvent> ParseEvents(JsonObjectReader root, long duration)
    {
        var events = new List<ScenarioEvent>();
        var items = root.OptionalArray("events", out bool present);
        if (!present) throw new ScenarioException("$.events", "missing required field");
        int i = 0;
        long previous = 0;
        foreach (var element in items)
        {
            string path = $"$.events[{i++}]";
            var e = new JsonObjectReader(element, path, "atMs", "plug", "unplug", "encoder", "mute", "fault");
            long at = e.RequiredInteger("atMs", 0, long.MaxValue, "ms");
            if (at > duration)
                throw new ScenarioException(e.FieldPath("atMs"), $"{at} ms is after the end of the scenario (durationMs {duration})");
            if (at < previous)
                throw new ScenarioException(e.FieldPath("atMs"), $"{at} ms is before the previous event at {previous} ms (list events in time order)");
            previous = at;
            events.Add(ParseAction(e, at));
        }
        return events;
    }

    static readonly string[] Actions = ["plug", "unplug", "encoder", "mute", "fault"];

    static ScenarioEvent ParseAction(JsonObjectReader e, long at)
    {
        var present = Array.FindAll(Actions, e.Has);
        if (present.Length == 0)
            throw new ScenarioException(e.Path, $"missing action (expected one of {JsonObjectReader.OneOf(Actions)})");
        if (present.Length > 1)
            throw new ScenarioException(e.Path, $"more than one action ({JsonObjectReader.OneOf(present)}); use one event for each");
        string action = present[0];
        string path = e.FieldPath(action);
        var value = e.Required(action);
        return action switch
        {
            "plug" => ParsePlug(value, path, at),
            "unplug" => EmptyAction(value, path, new UnplugEvent(at)),
            "mute" => EmptyAction(value, path, new MuteEvent(at)),
            "encoder" => new EncoderEvent(at, (int)JsonObjectReader.AsInteger(value, path, -1000, 1000, "detents")),
            _ => ParseFault(value, path, at),
        };
    }

    /// <summary>`unplug` and `mute` carry no data: `{}` (as in docs/design.md §7) or `true`.</summary>
    static ScenarioEvent EmptyAction(JsonElement value, string path, ScenarioEvent result)
    {
        if (value.ValueKind == JsonValueKind.True) return result;
        _ = new JsonObjectReader(value, path);
        return result;
    }

    static PlugEvent ParsePlug(JsonElement value, string path, long at)
    {
        var p = new JsonObjectReader(value, path, "leftOhm", "rightOhm", "sensitivity", "unit", "halfInserted");
        double left = p.RequiredNumber("leftOhm", 0, 1e9, "Ω");   // 0 = shorted contact, huge = open
        double right = p.RequiredNumber("rightOhm", 0, 1e9, "Ω");
        double? sensitivity = p.OptionalNumber("sensitivity", 50, 160, "dB");
        string? unit = p.Has("unit") ? p.RequiredChoice("unit", ScenarioVocabulary.Units, "unit") : null;
        if (sensitivity is not null && unit is null)
            throw new ScenarioException(p.FieldPath("unit"), "missing required field (sensitivity needs its unit, dB/mW or dB/V)");
        if (unit is not null && sensitivity is null)
            throw new ScenarioException(p.FieldPath("sensitivity"), "missing required field (unit given without sensitivity)");
        double dbPerV = Sensitivity.ToDbPerV(sensitivity ?? Sensitivity.DefaultDbPerMw, unit ?? "dB/mW", Sensitivity.NominalOhm(left, right));
        bool half = p.OptionalBool("halfInserted") ?? false;
        return new PlugEvent(at, new HeadphoneLoad(left, right, dbPerV, half), sensitivity, unit);
    }

    static FaultEvent ParseFault(JsonElement value, string path, long at)
    {
        var f = new JsonObjectReader(value, path, "kind", "device", "count", "durationMs");
        string kind = f.RequiredChoice("kind", ScenarioVocabulary.FaultKinds, "fault kind");
        var allowed = ScenarioVocabulary.DevicesFor(kind);
        string device = f.Has("device") ? f.RequiredChoice("device", ScenarioVocabulary.Devices, "device") : allowed[0];
        if (Array.IndexOf(allowed, device) < 0)
            throw new ScenarioException(f.FieldPath("device"), $"fault kind {kind} cannot hit device '{device}' (expected {JsonObjectReader.OneOf(allowed)})");
        int count = (int)(f.OptionalInteger("count", 1, 1_000_000, "") ?? 1);
        int duration = (int)(f.OptionalInteger("durationMs", 0, int.MaxValue, "ms") ?? 0);
        return new FaultEvent(at, new FaultSpec(kind, device, count, duration));
    }
}
