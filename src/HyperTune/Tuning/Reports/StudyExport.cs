using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace HyperTune;

/// <summary>
/// Writes a <see cref="StudySnapshot"/> as CSV (one row per trial, one column per parameter) or JSON
/// (the whole study: dimensions, trials with intermediate values, the best trial). Invariant culture;
/// no reflection, so it works trimmed and ahead-of-time compiled.
/// </summary>
public static class StudyExport
{
    private static readonly string[] FixedColumns = { "number", "state", "value", "started_at", "completed_at", "duration_seconds", "seed", "steps" };

    /// <summary>
    /// Writes the trials as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or
    /// line breaks quoted, quotes doubled). Columns: number, state, value, started_at, completed_at
    /// (ISO 8601, UTC), duration_seconds, seed, steps (how many intermediate values), one column per
    /// dimension (empty where inactive), error.
    /// </summary>
    /// <param name="snapshot">The study.</param>
    /// <param name="writer">Where to write.</param>
    public static void WriteCsv(StudySnapshot snapshot, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(writer);
        var header = FixedColumns.Concat(snapshot.Dimensions.Select(d => d.Name)).Append("error");
        WriteRow(writer, header);
        foreach (var trial in snapshot.Trials)
        {
            var fields = new List<string?>
            {
                trial.Number.ToString(CultureInfo.InvariantCulture),
                trial.State.ToString(),
                trial.Value?.ToString("R", CultureInfo.InvariantCulture),
                trial.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                trial.CompletedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                trial.Duration?.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
                trial.Seed.ToString(CultureInfo.InvariantCulture),
                trial.IntermediateValues.Count.ToString(CultureInfo.InvariantCulture),
            };
            foreach (var dimension in snapshot.Dimensions)
            {
                fields.Add(trial.Parameters.TryGetValue(dimension.Name, out string? text) ? text : null);
            }

            fields.Add(trial.ErrorMessage);
            WriteRow(writer, fields);
        }
    }

    /// <summary>The trials as CSV text (see <see cref="WriteCsv"/>).</summary>
    /// <param name="snapshot">The study.</param>
    /// <returns>The CSV text.</returns>
    public static string ToCsv(StudySnapshot snapshot)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(snapshot, writer);
        return writer.ToString();
    }

    /// <summary>
    /// Writes the study as JSON: <c>name</c>, <c>direction</c>, <c>fingerprint</c>, <c>dimensions</c> (name,
    /// type, kind, bounds and scale or candidates, condition), <c>counts</c> by state, <c>best</c> (the best
    /// trial's number or null) and <c>trials</c> (number, state, value, parameters typed — numbers for ranges,
    /// strings for categories —, intermediate values as <c>[{"step":1,"value":0.5}]</c>, times, seed, error).
    /// Non-finite numbers are written as null.
    /// </summary>
    /// <param name="snapshot">The study.</param>
    /// <param name="stream">Where to write the UTF-8 text.</param>
    /// <param name="indented">Whether to indent.</param>
    public static void WriteJson(StudySnapshot snapshot, Stream stream, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented });
        json.WriteStartObject();
        json.WriteString("name", snapshot.Name);
        json.WriteString("direction", snapshot.Direction.ToString());
        json.WriteString("fingerprint", snapshot.Fingerprint);
        json.WriteStartArray("dimensions");
        foreach (var dimension in snapshot.Dimensions)
        {
            json.WriteStartObject();
            json.WriteString("name", dimension.Name);
            json.WriteString("type", dimension.TypeName);
            json.WriteString("kind", dimension.Kind.ToString());
            if (dimension.Kind == DimensionKind.Categorical)
            {
                WriteStrings(json, "candidates", dimension.Candidates);
            }
            else
            {
                WriteNumber(json, "min", dimension.Min);
                WriteNumber(json, "max", dimension.Max);
                json.WriteString("scale", dimension.Scale.ToString());
            }

            if (dimension.ConditionParent is not null)
            {
                json.WriteString("activeWhen", dimension.ConditionParent);
                WriteStrings(json, "activeFor", dimension.ConditionValues);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("counts");
        foreach (var state in new[] { TrialState.Complete, TrialState.Pruned, TrialState.Failed, TrialState.Running })
        {
            json.WriteNumber(state.ToString().ToLowerInvariant(), snapshot.Count(state));
        }

        json.WriteEndObject();
        if (snapshot.Best is { } best)
        {
            json.WriteNumber("best", best.Number);
        }
        else
        {
            json.WriteNull("best");
        }

        json.WriteStartArray("trials");
        foreach (var trial in snapshot.Trials)
        {
            json.WriteStartObject();
            json.WriteNumber("number", trial.Number);
            json.WriteString("state", trial.State.ToString());
            WriteNumber(json, "value", trial.Value);
            json.WriteStartObject("parameters");
            foreach (var dimension in snapshot.Dimensions)
            {
                if (!trial.Values.TryGetValue(dimension.Name, out object? value))
                {
                    continue;
                }

                switch (value)
                {
                    case double real:
                        WriteNumber(json, dimension.Name, real);
                        break;
                    case long integer:
                        json.WriteNumber(dimension.Name, integer);
                        break;
                    default:
                        json.WriteString(dimension.Name, (string)value);
                        break;
                }
            }

            json.WriteEndObject();
            json.WriteStartArray("intermediateValues");
            foreach (var (step, value) in trial.IntermediateValues)
            {
                json.WriteStartObject();
                json.WriteNumber("step", step);
                WriteNumber(json, "value", value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("startedAt", trial.StartedAt);
            if (trial.CompletedAt is { } completed)
            {
                json.WriteString("completedAt", completed);
            }
            else
            {
                json.WriteNull("completedAt");
            }

            WriteNumber(json, "durationSeconds", trial.Duration?.TotalSeconds);
            json.WriteNumber("seed", trial.Seed);
            if (trial.ErrorMessage is not null)
            {
                json.WriteString("error", trial.ErrorMessage);
            }

            if (trial.Interrupted)
            {
                json.WriteBoolean("interrupted", true);
            }

            if (trial.RetryOf is int retryOf)
            {
                json.WriteNumber("retryOf", retryOf);
            }

            if (trial.Worker is not null)
            {
                json.WriteString("worker", trial.Worker);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The study as JSON text (see <see cref="WriteJson"/>).</summary>
    /// <param name="snapshot">The study.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(StudySnapshot snapshot, bool indented = true)
    {
        using var stream = new MemoryStream();
        WriteJson(snapshot, stream, indented);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteRow(TextWriter writer, IEnumerable<string?> fields)
    {
        bool first = true;
        foreach (string? field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            if (string.IsNullOrEmpty(field))
            {
                continue;
            }

            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                writer.Write('"');
                writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(field);
            }
        }

        writer.Write("\r\n");
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double number && double.IsFinite(number))
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
