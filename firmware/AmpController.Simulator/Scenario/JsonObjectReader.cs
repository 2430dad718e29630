using System;
using System.Linq;
using System.Text.Json;

namespace AmpController.Simulator.Scenario;

/// <summary>
/// Reads one JSON object of a scenario strictly: unknown fields, wrong types and missing required fields are
/// errors that name the JSON path (docs/design.md §7: unknown fields or values are errors).
/// </summary>
internal sealed class JsonObjectReader
{
    readonly JsonElement _element;

    public string Path { get; }

    public JsonObjectReader(JsonElement element, string path, params string[] allowedFields)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new ScenarioException(path, $"expected an object, found {Describe(element)}");
        _element = element;
        Path = path;
        var seen = new System.Collections.Generic.HashSet<string>();
        foreach (var property in element.EnumerateObject())
        {
            if (!allowedFields.Contains(property.Name))
                throw new ScenarioException(FieldPath(property.Name),
                    $"unknown field '{property.Name}' (expected {OneOf(allowedFields)})");
            if (!seen.Add(property.Name))
                throw new ScenarioException(FieldPath(property.Name), $"field '{property.Name}' appears twice");
        }
    }

    public string FieldPath(string name) => $"{Path}.{name}";

    public bool Has(string name) => _element.TryGetProperty(name, out _);

    public JsonElement Required(string name) =>
        _element.TryGetProperty(name, out var value)
            ? value
            : throw new ScenarioException(FieldPath(name), "missing required field");

    public string RequiredString(string name) => AsString(Required(name), FieldPath(name));

    public string? OptionalString(string name) =>
        _element.TryGetProperty(name, out var value) ? AsString(value, FieldPath(name)) : null;

    public string RequiredChoice(string name, string[] choices, string what)
    {
        var value = RequiredString(name);
        return choices.Contains(value)
            ? value
            : throw new ScenarioException(FieldPath(name), $"unknown {what} '{value}' (expected {OneOf(choices)})");
    }

    public double RequiredNumber(string name, double min, double max, string unit) =>
        AsNumber(Required(name), FieldPath(name), min, max, unit);

    public double? OptionalNumber(string name, double min, double max, string unit) =>
        _element.TryGetProperty(name, out var value) ? AsNumber(value, FieldPath(name), min, max, unit) : null;

    public long RequiredInteger(string name, long min, long max, string unit) =>
        AsInteger(Required(name), FieldPath(name), min, max, unit);

    public long? OptionalInteger(string name, long min, long max, string unit) =>
        _element.TryGetProperty(name, out var value) ? AsInteger(value, FieldPath(name), min, max, unit) : null;

    public bool? OptionalBool(string name)
    {
        if (!_element.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ScenarioException(FieldPath(name), $"expected true or false, found {Describe(value)}"),
        };
    }

    public JsonElement.ArrayEnumerator OptionalArray(string name, out bool present)
    {
        present = _element.TryGetProperty(name, out var value);
        if (!present) return default;
        if (value.ValueKind != JsonValueKind.Array)
            throw new ScenarioException(FieldPath(name), $"expected an array, found {Describe(value)}");
        return value.EnumerateArray();
    }

    public static string AsString(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new ScenarioException(path, $"expected a string, found {Describe(value)}");

    public static double AsNumber(JsonElement value, string path, double min, double max, string unit)
    {
        if (value.ValueKind != JsonValueKind.Number)
            throw new ScenarioException(path, $"expected a number, found {Describe(value)}");
        double number = value.GetDouble();
        if (number < min || number > max)
            throw new ScenarioException(path, $"{value.GetRawText()} is out of range ({min}..{max} {unit})".TrimEnd());
        return number;
    }

    public static long AsInteger(JsonElement value, string path, long min, long max, string unit)
    {
        if (value.ValueKind != JsonValueKind.Number)
            throw new ScenarioException(path, $"expected a whole number, found {Describe(value)}");
        if (!value.TryGetInt64(out long number))
            throw new ScenarioException(path, $"expected a whole number, found {value.GetRawText()}");
        if (number < 0 && min >= 0)
            throw new ScenarioException(path, $"negative value {number} (must be ≥ {min} {unit})".TrimEnd());
        if (number < min || number > max)
            throw new ScenarioException(path, $"{number} is out of range ({min}..{max} {unit})".TrimEnd());
        return number;
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString(),
    };

    public static string OneOf(string[] choices) => string.Join(", ", choices);
}
