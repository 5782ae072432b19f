using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.Data.Sqlite;

namespace HyperTune.Tuning;

/// <summary>
/// Studies in a SQLite file: the embedded default storage. WAL journaling with <c>synchronous=NORMAL</c>
/// (a killed process loses no committed change; a power loss may lose the last commits but never corrupts
/// the file), a busy timeout for other processes, one transaction per state change, trial numbers handed
/// out under <c>BEGIN IMMEDIATE</c> so no two processes get the same one. Reading a study costs only the
/// rows changed since the last read. Thread-safe.
/// </summary>
internal sealed class SqliteStudyStorage : IStudyStorage
{
    /// <summary>How many connections the storage opens at most by default.</summary>
    public const int DefaultMaxConnections = 8;

    private readonly SqliteConnectionPool _pool;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<long, SqliteTrialCache> _caches = new();

    /// <summary>Opens (creating when missing) the store at a file path or connection string.</summary>
    /// <param name="pathOrConnectionString">A file path (<c>study.db</c>) or a connection string (<c>Data Source=study.db</c>).</param>
    /// <exception cref="InvalidDataException">The file is not a SQLite database, or not a HyperTune store.</exception>
    /// <exception cref="NotSupportedException">The store was written by a newer schema.</exception>
    public SqliteStudyStorage(string pathOrConnectionString)
        : this(pathOrConnectionString, DefaultMaxConnections, TimeProvider.System)
    {
    }

    /// <summary>Opens the store with a connection limit and a clock (tests, benchmarks).</summary>
    /// <param name="pathOrConnectionString">A file path or a connection string.</param>
    /// <param name="maxConnections">How many connections may be open at once; 1 is one connection behind a lock.</param>
    /// <param name="clock">The clock of start, completion and heartbeat times.</param>
    public SqliteStudyStorage(string pathOrConnectionString, int maxConnections, TimeProvider clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _pool = new SqliteConnectionPool(SqliteStorageLocation.ToConnectionString(pathOrConnectionString), maxConnections);
        try
        {
            SqliteSchema.Ensure(_pool);
        }
        catch
        {
            _pool.Dispose();
            throw;
        }
    }

    /// <summary>The file the store lives in.</summary>
    public string DataSource => _pool.DataSource;

    /// <inheritdoc/>
    public StoredStudy OpenStudy(string name, Direction direction, StoredSpace space, bool startFresh)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(space);
        if (direction is not (Direction.Minimize or Direction.Maximize))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Not a direction.");
        }

        using var write = _pool.BeginWrite();
        var connection = write.Connection;
        if (startFresh)
        {
            var delete = connection.Command("DELETE FROM studies WHERE name = $name RETURNING id");
            delete.Parameters.AddWithValue("$name", name);
            if (delete.ExecuteScalar() is long deleted)
            {
                _caches.TryRemove(deleted, out _);
            }
        }

        var study = FindStudy(connection, name);
        if (study is null)
        {
            var insert = connection.Command("INSERT INTO studies (name, direction, space, created_at) VALUES ($name, $direction, $space, $now) RETURNING id");
            insert.Parameters.AddWithValue("$name", name);
            insert.Parameters.AddWithValue("$direction", direction.ToString());
            insert.Parameters.AddWithValue("$space", space.ToJson());
            insert.Parameters.AddWithValue("$now", SqliteTrialRows.ToMicroseconds(_clock.GetUtcNow()));
            long id = (long)insert.ExecuteScalar()!;
            study = new StoredStudy(id, name, direction, space);
        }

        write.Commit();
        return study;
    }

    /// <inheritdoc/>
    public void MigrateSpace(long studyId, StoredSpace space, IReadOnlyDictionary<int, double[]> units)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(units);
        using var write = _pool.BeginWrite();
        var connection = write.Connection;
        var update = connection.Command("UPDATE studies SET space = $space WHERE id = $study");
        update.Parameters.AddWithValue("$space", space.ToJson());
        update.Parameters.AddWithValue("$study", studyId);
        if (update.ExecuteNonQuery() == 0)
        {
            throw NoStudy(studyId);
        }

        if (units.Count > 0)
        {
            long change = SqliteTrialRows.TakeChange(connection);
            foreach (var (number, unit) in units)
            {
                var trial = connection.Command("UPDATE trials SET unit = $unit, change_seq = $change WHERE study_id = $study AND number = $number");
                trial.Parameters.AddWithValue("$unit", SqliteTrialRows.EncodeUnit(unit ?? throw new ArgumentException($"The point of trial {number} is null.", nameof(units))));
                trial.Parameters.AddWithValue("$change", change);
                trial.Parameters.AddWithValue("$study", studyId);
                trial.Parameters.AddWithValue("$number", number);
                if (trial.ExecuteNonQuery() == 0)
                {
                    throw new ArgumentException($"Study {studyId} has no trial {number} to give a point in the new space.", nameof(units));
                }
            }
        }

        write.Commit();
    }

    /// <inheritdoc/>
    public TrialRecord? CreateTrial(long studyId, string worker, Func<IReadOnlyList<TrialRecord>, int, TrialProposal?> propose)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(propose);
        using var write = _pool.BeginWrite();
        var connection = write.Connection;

        // Under the write lock nobody else changes the study: this is every trial, and the next number is
        // the count (numbers are dense), whichever process asks.
        var trials = Read(connection, studyId);
        int number = trials.Count;
        var proposal = propose(trials, number);
        if (proposal is null)
        {
            return null;
        }

        var now = SqliteTrialRows.Now(_clock);
        long change = SqliteTrialRows.TakeChange(connection);
        var record = SqliteTrialRows.InsertRunning(connection, studyId, number, worker, proposal, now, change);
        UpsertWorker(connection, studyId, worker, now);
        write.Commit();

        // Everything up to change - 1 was read in this transaction, so the cache may take this row too.
        Cache(studyId).Apply(studyId, new List<SqliteTrialRows.ChangedTrial>(1) { new(record, change) });
        return record;
    }

    /// <inheritdoc/>
    public void ReportIntermediate(long studyId, int number, int step, double value)
    {
        using var write = _pool.BeginWrite();
        var connection = write.Connection;
        long change = SqliteTrialRows.TakeChange(connection);
        var touch = connection.Command("UPDATE trials SET change_seq = $change WHERE study_id = $study AND number = $number AND state = 'Running'");
        touch.Parameters.AddWithValue("$change", change);
        touch.Parameters.AddWithValue("$study", studyId);
        touch.Parameters.AddWithValue("$number", number);
        if (touch.ExecuteNonQuery() == 0)
        {
            // Not running (any more): a trial failed as stale keeps what it had. The rollback returns the change number.
            ThrowIfMissing(connection, studyId, number);
            return;
        }

        var upsert = connection.Command(
            "INSERT INTO intermediate_values (study_id, number, step, value) VALUES ($study, $number, $step, $value) " +
            "ON CONFLICT (study_id, number, step) DO UPDATE SET value = excluded.value");
        upsert.Parameters.AddWithValue("$study", studyId);
        upsert.Parameters.AddWithValue("$number", number);
        upsert.Parameters.AddWithValue("$step", step);
        upsert.Parameters.AddWithValue("$value", double.IsNaN(value) ? DBNull.Value : value);
        upsert.ExecuteNonQuery();
        write.Commit();
    }

    /// <inheritdoc/>
    public bool FinishTrial(long studyId, int number, TrialState state, double? value, string? errorMessage, bool interrupted)
    {
        if (state == TrialState.Running || !Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A trial finishes Complete, Pruned or Failed.");
        }

        if (state != TrialState.Failed && value is null)
        {
            throw new ArgumentNullException(nameof(value), $"Trial {number} finishes {state} and needs a value.");
        }

        using var write = _pool.BeginWrite();
        var connection = write.Connection;
        long change = SqliteTrialRows.TakeChange(connection);
        var finish = connection.Command(
            "UPDATE trials SET state = $state, value = $value, error = $error, interrupted = $interrupted, completed_at = $now, change_seq = $change " +
            "WHERE study_id = $study AND number = $number AND state = 'Running'");
        finish.Parameters.AddWithValue("$state", SqliteTrialRows.FormatState(state));

        // SQLite stores NaN as NULL: a complete or pruned trial's NULL reads back as NaN, a failed one's as no value.
        finish.Parameters.AddWithValue("$value", value is double v && !double.IsNaN(v) ? v : DBNull.Value);
        finish.Parameters.AddWithValue("$error", (object?)errorMessage ?? DBNull.Value);
        finish.Parameters.AddWithValue("$interrupted", interrupted ? 1 : 0);
        finish.Parameters.AddWithValue("$now", SqliteTrialRows.ToMicroseconds(SqliteTrialRows.Now(_clock)));
        finish.Parameters.AddWithValue("$change", change);
        finish.Parameters.AddWithValue("$study", studyId);
        finish.Parameters.AddWithValue("$number", number);
        if (finish.ExecuteNonQuery() == 0)
        {
            ThrowIfMissing(connection, studyId, number);
            return false;
        }

        write.Commit();
        return true;
    }

    /// <inheritdoc/>
    public IReadOnlyList<TrialRecord> GetTrials(long studyId)
    {
        using var read = _pool.BeginRead();
        return Read(read.Connection, studyId);
    }

    /// <inheritdoc/>
    public void Heartbeat(long studyId, string worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        using var write = _pool.BeginWrite();
        var connection = write.Connection;
        var now = SqliteTrialRows.Now(_clock);
        UpsertWorker(connection, studyId, worker, now);
        var trials = connection.Command("UPDATE trials SET heartbeat_at = $now WHERE study_id = $study AND worker = $worker AND state = 'Running'");
        trials.Parameters.AddWithValue("$now", SqliteTrialRows.ToMicroseconds(now));
        trials.Parameters.AddWithValue("$study", studyId);
        trials.Parameters.AddWithValue("$worker", worker);
        trials.ExecuteNonQuery();
        write.Commit();
    }

    /// <inheritdoc/>
    public IReadOnlyList<int> FailStaleTrials(long studyId, TimeSpan timeout, Func<string, bool> isDead)
    {
        ArgumentNullException.ThrowIfNull(isDead);
        using var write = _pool.BeginWrite();
        var connection = write.Connection;
        var now = SqliteTrialRows.Now(_clock);
        long nowMicroseconds = SqliteTrialRows.ToMicroseconds(now);
        long timeoutMicroseconds = timeout.Ticks / 10;
        var running = connection.Command("SELECT number, worker, heartbeat_at FROM trials WHERE study_id = $study AND state = 'Running' ORDER BY number");
        running.Parameters.AddWithValue("$study", studyId);
        var stale = new List<(int Number, string Reason)>();
        var dead = new Dictionary<string, bool>(StringComparer.Ordinal);
        using (var reader = running.ExecuteReader())
        {
            while (reader.Read())
            {
                int number = reader.GetInt32(0);
                string worker = reader.IsDBNull(1) ? "" : reader.GetString(1);
                long heartbeat = reader.GetInt64(2);
                if (!dead.TryGetValue(worker, out bool gone))
                {
                    dead.Add(worker, gone = isDead(worker));
                }

                if (gone)
                {
                    stale.Add((number, $"Interrupted: the trial's worker '{worker}' is gone."));
                }
                else if (nowMicroseconds - heartbeat > timeoutMicroseconds)
                {
                    var last = SqliteTrialRows.FromMicroseconds(heartbeat);
                    stale.Add((number, string.Create(CultureInfo.InvariantCulture, $"Interrupted: the trial's worker '{worker}' sent no heartbeat since {last:O} (timeout {timeout}).")));
                }
            }
        }

        if (stale.Count == 0)
        {
            return Array.Empty<int>();
        }

        long change = SqliteTrialRows.TakeChange(connection);
        var numbers = new int[stale.Count];
        for (int i = 0; i < stale.Count; i++)
        {
            var fail = connection.Command(
                "UPDATE trials SET state = 'Failed', value = NULL, error = $error, interrupted = 1, completed_at = $now, change_seq = $change " +
                "WHERE study_id = $study AND number = $number AND state = 'Running'");
            fail.Parameters.AddWithValue("$error", stale[i].Reason);
            fail.Parameters.AddWithValue("$now", nowMicroseconds);
            fail.Parameters.AddWithValue("$change", change);
            fail.Parameters.AddWithValue("$study", studyId);
            fail.Parameters.AddWithValue("$number", stale[i].Number);
            fail.ExecuteNonQuery();
            numbers[i] = stale[i].Number;
        }

        write.Commit();
        return numbers;
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredStudy> ListStudies()
    {
        using var read = _pool.BeginRead();
        var command = read.Connection.Command("SELECT id, name, direction, space FROM studies ORDER BY id");
        var studies = new List<StoredStudy>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            studies.Add(ReadStudy(reader));
        }

        return studies;
    }

    /// <summary>Closes the store's connections.</summary>
    public void Dispose() => _pool.Dispose();

    private SqliteTrialCache Cache(long studyId) => _caches.GetOrAdd(studyId, static _ => new SqliteTrialCache());

    /// <summary>The study's trials: the cache brought up to date with the rows changed since it was last read.</summary>
    private IReadOnlyList<TrialRecord> Read(PooledSqliteConnection connection, long studyId)
    {
        var exists = connection.Command("SELECT 1 FROM studies WHERE id = $study");
        exists.Parameters.AddWithValue("$study", studyId);
        if (exists.ExecuteScalar() is null)
        {
            _caches.TryRemove(studyId, out _);
            throw NoStudy(studyId);
        }

        var cache = Cache(studyId);
        return cache.Apply(studyId, SqliteTrialRows.ReadChanged(connection, studyId, cache.LastChange));
    }

    private static StoredStudy? FindStudy(PooledSqliteConnection connection, string name)
    {
        var command = connection.Command("SELECT id, name, direction, space FROM studies WHERE name = $name");
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadStudy(reader) : null;
    }

    private static StoredStudy ReadStudy(SqliteDataReader reader)
    {
        long id = reader.GetInt64(0);
        string name = reader.GetString(1);
        string direction = reader.GetString(2);
        var parsed = direction switch
        {
            "Minimize" => Direction.Minimize,
            "Maximize" => Direction.Maximize,
            _ => throw new InvalidDataException($"Study '{name}' has the unknown direction '{direction}' in column studies.direction."),
        };
        StoredSpace space;
        try
        {
            space = StoredSpace.FromJson(reader.GetString(3));
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException($"Study '{name}' has an unreadable space in column studies.space: {exception.Message}", exception);
        }

        return new StoredStudy(id, name, parsed, space);
    }

    private static void UpsertWorker(PooledSqliteConnection connection, long studyId, string worker, DateTimeOffset now)
    {
        var command = connection.Command(
            "INSERT INTO workers (study_id, worker, first_seen, heartbeat_at) VALUES ($study, $worker, $now, $now) " +
            "ON CONFLICT (study_id, worker) DO UPDATE SET heartbeat_at = excluded.heartbeat_at");
        command.Parameters.AddWithValue("$study", studyId);
        command.Parameters.AddWithValue("$worker", worker);
        command.Parameters.AddWithValue("$now", SqliteTrialRows.ToMicroseconds(now));
        command.ExecuteNonQuery();
    }

    private static void ThrowIfMissing(PooledSqliteConnection connection, long studyId, int number)
    {
        var command = connection.Command("SELECT 1 FROM trials WHERE study_id = $study AND number = $number");
        command.Parameters.AddWithValue("$study", studyId);
        command.Parameters.AddWithValue("$number", number);
        if (command.ExecuteScalar() is null)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"Study {studyId} has no trial {number}.");
        }
    }

    private static InvalidOperationException NoStudy(long studyId) =>
        new($"The store has no study with id {studyId} (it was deleted, or started fresh by another worker).");
}
