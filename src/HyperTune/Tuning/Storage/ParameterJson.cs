using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace HyperTune.Tuning;

/// <summary>A trial's parameters (dimension name → invariant text) as a JSON object, for storages that keep them as text.</summary>
internal static class ParameterJson
{
    /// <summary>Writes the parameters as a JSON object, in name order.</summary>
    public static string Write(IReadOnlyDictionary<string, string> parameters)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            var names = new List<string>(parameters.Keys);
            names.Sort(System.StringComparer.Ordinal);
            foreach (string name in names)
            {
                writer.WriteString(name, parameters[name]);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads parameters written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The text is not a JSON object of strings.</exception>
    public static IReadOnlyDictionary<string, string> Read(string json, int trialNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var parameters = new SortedDictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                parameters[property.Name] = property.Value.GetString() ?? "null";
            }

            return parameters;
        }
        catch (System.Exception exception) when (exception is JsonException or System.InvalidOperationException)
        {
            throw new InvalidDataException($"Trial {trialNumber}'s stored parameters are not a JSON object of strings: {exception.Message}", exception);
        }
    }
}
