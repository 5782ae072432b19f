using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace HyperTune.Tuning;

/// <summary>
/// Trial rows: the SQL that reads and writes them and the conversions between a row and a
/// <see cref="TrialRecord"/>. Points are stored as little-endian doubles (exact, NaN kept), parameters
/// as a JSON object of text, times as Unix microseconds (UTC).
/// </summary>
internal static class SqliteTrialRows
{
    private const string Columns =
        "number, state, unit, parameters, value, started_at, completed_at, seed, error, grid_index, bracket, retry_of, interrupted, worker, change_seq";

    /// <summary>Trials changed after a change number, in number order.</summary>
    private const string SelectChanged =
        "SELECT " + Columns + " FROM trials WHERE study_id = $study AND change_seq > $since ORDER BY number";

    /// <summary>The intermediate values of the trials changed after a change number.</summary>
    private const string SelectChangedIntermediates =
        "SELECT number, step, value FROM intermediate_values WHERE study_id = $study AND number IN " +
        "(SELECT number FROM trials WHERE study_id = $study AND change_seq > $since) ORDER BY number, step";

    private const string Insert =
        "INSERT INTO trials (study_id, number, state, unit, parameters, value, started_at, completed_at, seed, error, grid_index, bracket, retry_of, interrupted, worker, heartbeat_at, change_seq) " +
        "VALUES ($study, $number, 'Running', $unit, $parameters, NULL, $now, NULL, $seed, NULL, $grid, $bracket, $retry, 0, $worker, $now, $change)";

    private const string NextChange = "UPDATE hypertune_changes SET value = value + 1 WHERE id = 1 RETURNING value";

    /// <summary>A row read back, with the change number it carries.</summary>
    /// <param name="Record">The trial.</param>
    /// <param name="Change">Its <c>change_seq</c>.</param>
    internal readonly record struct ChangedTrial(TrialRecord Record, long Change);

    /// <summary>Takes the next change number; call inside the write transaction that uses it.</summary>
    /// <param name="connection">The connection in a write transaction.</param>
    /// <returns>The change number.</returns>
    public static long TakeChange(PooledSqliteConnection connection) => (long)connection.Command(NextChange).ExecuteScalar()!;

    /// <summary>Reads the trials of a study changed after <paramref name="since"/>, with their intermediate values.</summary>
    /// <param name="connection">A connection inside a transaction (one snapshot for both queries).</param>
    /// <param name="studyId">The study.</param>
    /// <param name="since">The last change number already known.</param>
    /// <returns>The changed trials in number order.</returns>
    public static List<ChangedTrial> ReadChanged(PooledSqliteConnection connection, long studyId, long since)
    {
        var changed = new List<ChangedTrial>();
        var command = connection.Command(SelectChanged);
        command.Parameters.AddWithValue("$study", studyId);
        command.Parameters.AddWithValue("$since", since);
        var rows = new List<(int Number, TrialState State, double[] Unit, IReadOnlyDictionary<string, string> Parameters, double? Value, DateTimeOffset Started, DateTimeOffset? Completed, int Seed, string? Error, int? Grid, int? Bracket, int? Retry, bool Interrupted, string? Worker, long Change)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                int number = reader.GetInt32(0);
                var state = ParseState(reader.GetString(1), number);
                double? value = reader.IsDBNull(4)
                    ? (state is TrialState.Complete or TrialState.Pruned ? double.NaN : null)
                    : reader.GetDouble(4);
                rows.Add((
                    number,
                    state,
                    DecodeUnit((byte[])reader.GetValue(2), number),
                    ParameterJson.Read(reader.GetString(3), number),
                    value,
                    FromMicroseconds(reader.GetInt64(5)),
                    reader.IsDBNull(6) ? null : FromMicroseconds(reader.GetInt64(6)),
                    reader.GetInt32(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.IsDBNull(9) ? null : reader.GetInt32(9),
                    reader.IsDBNull(10) ? null : reader.GetInt32(10),
                    reader.IsDBNull(11) ? null : reader.GetInt32(11),
                    reader.GetInt64(12) != 0,
                    reader.IsDBNull(13) ? null : reader.GetString(13),
                    reader.GetInt64(14)));
            }
        }

        if (rows.Count == 0)
        {
            return changed;
        }

        var intermediates = new Dictionary<int, SortedList<int, double>>();
        command = connection.Command(SelectChangedIntermediates);
        command.Parameters.AddWithValue("$study", studyId);
        command.Parameters.AddWithValue("$since", since);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                int number = reader.GetInt32(0);
                if (!intermediates.TryGetValue(number, out var steps))
                {
                    intermediates.Add(number, steps = new SortedList<int, double>());
                }

                // NULL stands for NaN, which SQLite cannot hold in a REAL.
                steps[reader.GetInt32(1)] = reader.IsDBNull(2) ? double.NaN : reader.GetDouble(2);
            }
        }

        foreach (var row in rows)
        {
            IReadOnlyDictionary<int, double> steps = intermediates.TryGetValue(row.Number, out var found) ? found : EmptySteps;
            changed.Add(new ChangedTrial(
                new TrialRecord(row.Number, row.State, row.Unit, row.Parameters, row.Value, steps, row.Started, row.Completed, row.Seed, row.Error, row.Grid, row.Bracket, row.Retry, row.Interrupted, row.Worker),
                row.Change));
        }

        return changed;
    }

    /// <summary>Inserts a new running trial.</summary>
    /// <returns>The record as stored.</returns>
    public static TrialRecord InsertRunning(PooledSqliteConnection connection, long studyId, int number, string worker, TrialProposal proposal, DateTimeOffset now, long change)
    {
        var command = connection.Command(Insert);
        var parameters = command.Parameters;
        parameters.AddWithValue("$study", studyId);
        parameters.AddWithValue("$number", number);
        parameters.AddWithValue("$unit", EncodeUnit(proposal.Unit));
        parameters.AddWithValue("$parameters", ParameterJson.Write(proposal.Parameters));
        parameters.AddWithValue("$now", ToMicroseconds(now));
        parameters.AddWithValue("$seed", proposal.Seed);
        parameters.AddWithValue("$grid", (object?)proposal.GridIndex ?? DBNull.Value);
        parameters.AddWithValue("$bracket", (object?)proposal.Bracket ?? DBNull.Value);
        parameters.AddWithValue("$retry", (object?)proposal.RetryOf ?? DBNull.Value);
        parameters.AddWithValue("$worker", worker);
        parameters.AddWithValue("$change", change);
        command.ExecuteNonQuery();
        return new TrialRecord(
            number,
            TrialState.Running,
            (double[])proposal.Unit.Clone(),
            new Dictionary<string, string>(proposal.Parameters, StringComparer.Ordinal),
            null,
            EmptySteps,
            now,
            null,
            proposal.Seed,
            null,
            proposal.GridIndex,
            proposal.Bracket,
            proposal.RetryOf,
            false,
            worker);
    }

    /// <summary>The empty step → value map of a trial with no reports.</summary>
    public static readonly IReadOnlyDictionary<int, double> EmptySteps = new SortedList<int, double>();

    /// <summary>A time as stored: Unix microseconds, UTC.</summary>
    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>A stored time.</summary>
    public static DateTimeOffset FromMicroseconds(long microseconds) => new(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * 10), TimeSpan.Zero);

    /// <summary>Now, at the precision the store keeps (so a record handed out equals the one read back).</summary>
    public static DateTimeOffset Now(TimeProvider clock) => FromMicroseconds(ToMicroseconds(clock.GetUtcNow()));

    /// <summary>A state as stored.</summary>
    public static string FormatState(TrialState state) => state switch
    {
        TrialState.Running => "Running",
        TrialState.Complete => "Complete",
        TrialState.Pruned => "Pruned",
        TrialState.Failed => "Failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a trial state."),
    };

    private static TrialState ParseState(string text, int number) => text switch
    {
        "Running" => TrialState.Running,
        "Complete" => TrialState.Complete,
        "Pruned" => TrialState.Pruned,
        "Failed" => TrialState.Failed,
        _ => throw new InvalidDataException($"Trial {number} has the unknown state '{text}' in column trials.state."),
    };

    /// <summary>A point as stored: 8 bytes per coordinate, little-endian.</summary>
    public static byte[] EncodeUnit(double[] unit)
    {
        var bytes = new byte[unit.Length * sizeof(double)];
        for (int i = 0; i < unit.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), unit[i]);
        }

        return bytes;
    }

    private static double[] DecodeUnit(byte[] bytes, int number)
    {
        if (bytes.Length % sizeof(double) != 0)
        {
            throw new InvalidDataException($"Trial {number}'s column trials.unit holds {bytes.Length} bytes, not a whole number of 8-byte coordinates.");
        }

        var unit = new double[bytes.Length / sizeof(double)];
        for (int i = 0; i < unit.Length; i++)
        {
            unit[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)));
        }

        return unit;
    }
}
