using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace HyperTune.Tuning;

/// <summary>A trial's parameters (dimension name → invariant text) as a JSON object: the form every storage keeps them in.</summary>
internal static class ParameterJson
{
    /// <summary>Writes the parameters as a JSON object, in name order.</summary>
    public static string Write(IReadOnlyDictionary<string, string> parameters)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 + (parameters.Count * 32));
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            var names = new List<string>(parameters.Keys);
            names.Sort(StringComparer.Ordinal);
            foreach (string name in names)
            {
                writer.WriteString(name, parameters[name]);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads parameters written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The text is not a JSON object of strings; the message names the trial and shows the text.</exception>
    public static IReadOnlyDictionary<string, string> Read(string json, int trialNumber)
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("expected an object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    throw new JsonException($"the value of '{name}' is not a string");
                }

                parameters[name] = reader.GetString()!;
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"Trial {trialNumber}'s stored parameters are not a JSON object of text values: {exception.Message} (found '{json}').", exception);
        }

        return parameters;
    }
}
