using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace HyperTune.Tuning;

/// <summary>
/// A study's space as it is stored: the fingerprint and enough of each dimension to tell what changed
/// and to show the study without its config type. Serialised as JSON.
/// </summary>
/// <param name="Fingerprint">The generated fingerprint of the space.</param>
/// <param name="Dimensions">The dimensions, in encoding order.</param>
internal sealed record StoredSpace(string Fingerprint, IReadOnlyList<StoredDimension> Dimensions)
{
    /// <summary>The stored form of a space.</summary>
    /// <param name="fingerprint">Its fingerprint.</param>
    /// <param name="dimensions">Its dimensions.</param>
    /// <returns>The stored form.</returns>
    public static StoredSpace From(string fingerprint, IReadOnlyList<Dimension> dimensions) =>
        new(fingerprint, dimensions.Select(StoredDimension.From).ToArray());

    /// <summary>The space as JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("fingerprint", Fingerprint);
            writer.WriteStartArray("dimensions");
            foreach (var dimension in Dimensions)
            {
                writer.WriteStartObject();
                writer.WriteString("name", dimension.Name);
                writer.WriteString("type", dimension.TypeName);
                writer.WriteString("kind", dimension.Kind.ToString());
                if (dimension.Kind != DimensionKind.Categorical)
                {
                    writer.WriteNumber("min", dimension.Min);
                    writer.WriteNumber("max", dimension.Max);
                    writer.WriteString("scale", dimension.Scale.ToString());
                }
                else
                {
                    writer.WriteStartArray("candidates");
                    foreach (string candidate in dimension.Candidates)
                    {
                        writer.WriteStringValue(candidate);
                    }

                    writer.WriteEndArray();
                }

                if (dimension.ConditionParent is not null)
                {
                    writer.WriteString("activeWhen", dimension.ConditionParent);
                    writer.WriteStartArray("activeFor");
                    foreach (string value in dimension.ConditionValues)
                    {
                        writer.WriteStringValue(value);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a space written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The space.</returns>
    /// <exception cref="InvalidDataException">The text is not a stored space; the message names the field.</exception>
    public static StoredSpace FromJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            string fingerprint = Required(root, "fingerprint").GetString() ?? throw Invalid("fingerprint", "is null");
            var dimensions = new List<StoredDimension>();
            foreach (var element in Required(root, "dimensions").EnumerateArray())
            {
                string name = Required(element, "name").GetString() ?? throw Invalid("name", "is null");
                string type = Required(element, "type").GetString() ?? throw Invalid($"{name}.type", "is null");
                if (!Enum.TryParse(Required(element, "kind").GetString(), out DimensionKind kind))
                {
                    throw Invalid($"{name}.kind", "is not Continuous, Integer or Categorical");
                }

                double min = double.NaN, max = double.NaN;
                var scale = Scale.Linear;
                string[] candidates = Array.Empty<string>();
                if (kind == DimensionKind.Categorical)
                {
                    candidates = Required(element, "candidates").EnumerateArray().Select(c => c.GetString() ?? "null").ToArray();
                }
                else
                {
                    min = Required(element, "min").GetDouble();
                    max = Required(element, "max").GetDouble();
                    if (!Enum.TryParse(Required(element, "scale").GetString(), out scale))
                    {
                        throw Invalid($"{name}.scale", "is not Linear or Log");
                    }
                }

                string? parent = element.TryGetProperty("activeWhen", out var activeWhen) ? activeWhen.GetString() : null;
                string[] values = parent is null ? Array.Empty<string>() : Required(element, "activeFor").EnumerateArray().Select(c => c.GetString() ?? "null").ToArray();
                dimensions.Add(new StoredDimension(name, type, kind, min, max, scale, candidates, parent, values));
            }

            return new StoredSpace(fingerprint, dimensions);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The stored search space is not valid JSON of a space: {exception.Message}", exception);
        }
    }

    private static JsonElement Required(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value : throw Invalid(property, "is missing");

    private static InvalidDataException Invalid(string field, string problem) => new($"The stored search space's field '{field}' {problem}.");
}

/// <summary>One dimension as stored.</summary>
/// <param name="Name">The property's name.</param>
/// <param name="TypeName">The property's type, by full name.</param>
/// <param name="Kind">Continuous, integer or categorical.</param>
/// <param name="Min">The lower bound of a range.</param>
/// <param name="Max">The upper bound of a range.</param>
/// <param name="Scale">The scale of a range.</param>
/// <param name="Candidates">The candidates of a categorical dimension, as <see cref="ParameterText.Format"/> writes them.</param>
/// <param name="ConditionParent">The dimension a conditional dimension depends on.</param>
/// <param name="ConditionValues">The parent's values under which it is active, as text.</param>
internal sealed record StoredDimension(
    string Name,
    string TypeName,
    DimensionKind Kind,
    double Min,
    double Max,
    Scale Scale,
    IReadOnlyList<string> Candidates,
    string? ConditionParent,
    IReadOnlyList<string> ConditionValues)
{
    /// <summary>The stored form of a dimension.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>Its stored form.</returns>
    public static StoredDimension From(Dimension dimension) => new(
        dimension.Name,
        dimension.ValueType.FullName ?? dimension.ValueType.Name,
        dimension.Kind,
        dimension.Min,
        dimension.Max,
        dimension.Scale,
        dimension.Candidates.Select(ParameterText.Format).ToArray(),
        dimension.Condition?.Dimension,
        dimension.Condition?.Values.Select(ParameterText.Format).ToArray() ?? Array.Empty<string>());
}
