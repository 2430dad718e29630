using System.Collections.Generic;
using System.Text.Json;

namespace AmpController.Simulator.Scenario;

/// <summary>Parses one `expect` entry: an object with one or more expectation kinds (docs/scenarios.md).</summary>
internal static class ExpectationParser
{
    static readonly string[] Kinds = ["maxSplDbA", "relayOpenWithinMs", "musicWithinMs", "recoverWithinMs", "silentBetween", "stateAt"];

    public static IEnumerable<Expectation> Parse(JsonElement element, string path, long durationMs)
    {
        var o = new JsonObjectReader(element, path, Kinds);
        var result = new List<Expectation>();
        foreach (var kind in Kinds)
        {
            if (!o.Has(kind)) continue;
            string p = o.FieldPath(kind);
            var value = o.Required(kind);
            result.Add(kind switch
            {
                "maxSplDbA" => new MaxSplExpectation(p, JsonObjectReader.AsNumber(value, p, 0, 200, "dBA")),
                "relayOpenWithinMs" => new RelayOpenExpectation(p, JsonObjectReader.AsInteger(value, p, 0, durationMs, "ms")),
                "musicWithinMs" => new MusicExpectation(p, JsonObjectReader.AsInteger(value, p, 0, durationMs, "ms")),
                "recoverWithinMs" => new RecoverExpectation(p, JsonObjectReader.AsInteger(value, p, 0, durationMs, "ms")),
                "silentBetween" => ParseSilent(value, p, durationMs),
                _ => ParseStateAt(value, p, durationMs),
            });
        }
        if (result.Count == 0)
            throw new ScenarioException(path, $"empty expectation (expected one of {JsonObjectReader.OneOf(Kinds)})");
        return result;
    }

    static SilentExpectation ParseSilent(JsonElement value, string path, long durationMs)
    {
        var o = new JsonObjectReader(value, path, "fromMs", "toMs");
        long from = o.RequiredInteger("fromMs", 0, durationMs, "ms");
        long to = o.RequiredInteger("toMs", 0, durationMs, "ms");
        if (to < from) throw new ScenarioException(o.FieldPath("toMs"), $"{to} ms is before fromMs {from} ms");
        return new SilentExpectation(path, from, to);
    }

    static StateAtExpectation ParseStateAt(JsonElement value, string path, long durationMs)
    {
        var o = new JsonObjectReader(value, path, "atMs", "state", "relayClosed", "gainDb");
        var expectation = new StateAtExpectation(path,
            o.RequiredInteger("atMs", 0, durationMs, "ms"),
            o.OptionalString("state"),
            o.OptionalBool("relayClosed"),
            o.OptionalNumber("gainDb", -60, 60, "dB"));
        if (expectation.State is null && expectation.RelayClosed is null && expectation.GainDb is null)
            throw new ScenarioException(path, "stateAt needs at least one of state, relayClosed, gainDb");
        return expectation;
    }
}
