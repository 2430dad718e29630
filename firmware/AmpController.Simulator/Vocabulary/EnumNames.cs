using System;
using System.Collections.Generic;
using System.Linq;

namespace AmpController.Simulator.Vocabulary;

/// <summary>
/// The one spelling of an enum's values in scenario files and on the command line, the one parse of it, and the
/// error that lists the allowed names ("unknown fault kind 'foo' (expected nack, stuckBus, …)").
/// </summary>
public sealed class EnumNames<T> where T : struct, Enum
{
    readonly (string Name, T Value)[] _pairs;
    readonly StringComparison _comparison;

    public EnumNames(string what, Func<T, string> name, bool ignoreCase = false)
    {
        What = what;
        _pairs = Enum.GetValues<T>().Select(v => (name(v), v)).ToArray();
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }

    /// <summary>Names are the camelCase member names (StuckBus → "stuckBus").</summary>
    public static EnumNames<T> CamelCase(string what) =>
        new(what, v => v.ToString() is var s ? char.ToLowerInvariant(s[0]) + s[1..] : "");

    /// <summary>What the value is, for messages: "fault kind", "unit", …</summary>
    public string What { get; }

    public IReadOnlyList<string> All => _pairs.Select(p => p.Name).ToArray();

    public string Name(T value) => _pairs.First(p => p.Value.Equals(value)).Name;

    public bool TryParse(string? text, out T value)
    {
        foreach (var (name, v) in _pairs)
            if (string.Equals(name, text, _comparison)) { value = v; return true; }
        value = default;
        return false;
    }

    public string Unknown(string text) => $"unknown {What} '{text}' (expected {Names.List(All)})";
}
