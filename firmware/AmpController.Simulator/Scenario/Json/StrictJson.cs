using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using AmpController.Simulator.Vocabulary;

namespace AmpController.Simulator.Scenario.Json;

/// <summary>
/// Strict System.Text.Json reading of the scenario models: `//` comments and trailing commas accepted, unknown and
/// repeated fields, nulls, wrong types and unknown names refused. Every refusal becomes a <see cref="ScenarioException"/>
/// naming the JSON path, e.g. `$.events[2].fault.kind: unknown fault kind 'foo' (expected nack, …)`.
/// </summary>
internal static partial class StrictJson
{
    static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip, // docs/design.md §7 shows the format with // comments
        AllowTrailingCommas = true,
    };

    static readonly JsonSerializerOptions Options = CreateOptions();

    static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            ReadCommentHandling = JsonCommentHandling.Skip, // the element's raw text keeps the comments
            AllowTrailingCommas = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { RejectNull } },
            Converters =
            {
                new NamedEnumConverter<Board.BoardFaultKind>(Names.FaultKinds),
                new NamedEnumConverter<Board.FaultDevice>(Names.Devices),
                new NamedEnumConverter<Core.Acoustics.SensitivityUnit>(Names.Units),
                new NamedEnumConverter<Core.Storage.VolumeChipChoice>(Names.VolumeChips),
                new NoDataConverter(),
            },
        };
        options.MakeReadOnly();
        return options;
    }

    public static T Deserialize<T>(string text) where T : class
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(text, DocumentOptions); }
        catch (JsonException e)
        {
            throw new ScenarioException("$", $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        using (document)
        {
            try
            {
                return document.RootElement.Deserialize<T>(Options) ?? throw new JsonException();
            }
            catch (JsonException e)
            {
                throw Explain(e, document.RootElement, typeof(T));
            }
        }
    }

    /// <summary>A null is never a value in a scenario: an optional field is left out instead.</summary>
    static void RejectNull(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (property.Set is not { } set) continue;
            property.Set = (target, value) => set(target, value ?? throw new JsonException());
        }
    }

    /// <summary>Says what is wrong at the exception's path, from the model's metadata and the document itself.</summary>
    static ScenarioException Explain(JsonException e, JsonElement root, Type rootType)
    {
        string path = e.Path ?? "$";
        if (e is ScenarioJsonError own) return new ScenarioException(path + own.PathSuffix, own.Message);
        JsonTypeInfo info = Options.GetTypeInfo(rootType);
        JsonElement element = root;
        foreach (Match step in PathStep().Matches(path))
        {
            if (step.Groups["index"].Success)
            {
                element = element[int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)];
                info = Options.GetTypeInfo(info.ElementType!);
                continue;
            }
            string name = step.Groups["name"].Success ? step.Groups["name"].Value : step.Groups["quoted"].Value;
            var property = info.Properties.FirstOrDefault(p => p.Name == name);
            if (property is null)
                return new ScenarioException(path, $"unknown field '{name}' (expected {Names.List(info.Properties.Select(p => p.Name))})");
            if (element.EnumerateObject().Count(p => p.Name == name) > 1)
                return new ScenarioException(path, $"field '{name}' appears twice");
            element = element.GetProperty(name);
            info = Options.GetTypeInfo(property.PropertyType);
        }
        if (element.ValueKind == JsonValueKind.Object && info.Kind == JsonTypeInfoKind.Object
            && info.Properties.FirstOrDefault(p => p.IsRequired && !element.TryGetProperty(p.Name, out _)) is { } missing)
            return new ScenarioException($"{path}.{missing.Name}", "missing required field");
        return new ScenarioException(path, Mismatch(info, element));
    }

    static string Mismatch(JsonTypeInfo info, JsonElement found)
    {
        Type type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (type == typeof(long) || type == typeof(int))
            return found.ValueKind == JsonValueKind.Number
                ? $"expected a whole number, found {found.GetRawText()}"
                : $"expected a whole number, found {Describe(found)}";
        string expected = type == typeof(double) ? "a number"
            : type == typeof(bool) ? "true or false"
            : type == typeof(string) || type.IsEnum ? "a string"
            : type == typeof(NoData) ? "{} or true"
            : info.Kind == JsonTypeInfoKind.Enumerable ? "an array"
            : "an object";
        return $"expected {expected}, found {Describe(found)}";
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    /// <summary>One step of a System.Text.Json path: `.name`, `['odd name']` or `[3]`.</summary>
    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>.*?)'\](?=\.|\[|$)|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();
}

/// <summary>A refusal whose message is already the problem (thrown by our converters); the serializer adds the path.</summary>
internal sealed class ScenarioJsonError(string problem, string pathSuffix = "") : JsonException(problem)
{
    public string PathSuffix { get; } = pathSuffix;
}

/// <summary>Reads a name of <see cref="EnumNames{T}"/>; an unknown name lists the allowed ones.</summary>
internal sealed class NamedEnumConverter<T>(EnumNames<T> names) : JsonConverter<T> where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException();
        string text = reader.GetString()!;
        return names.TryParse(text, out T value) ? value : throw new ScenarioJsonError(names.Unknown(text));
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(names.Name(value));
}

/// <summary>`{}` or `true`: an action without data (unplug, mute).</summary>
internal sealed class NoDataConverter : JsonConverter<NoData>
{
    public override NoData Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.True) return new NoData();
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException();
        reader.Read();
        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            throw new ScenarioJsonError($"unknown field '{name}' (this action takes no fields)", "." + name);
        }
        return new NoData();
    }

    public override void Write(Utf8JsonWriter writer, NoData value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteEndObject();
    }
}
