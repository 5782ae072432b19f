using System;
using System.Collections.Generic;
using System.Linq;
using Npgsql;
using NpgsqlTypes;

namespace HyperTune.Tuning;

/// <summary>
/// Studies in a PostgreSQL database, shared by any number of workers on any number of machines.
/// Every change of a study takes that study's row lock, so changes are numbered (a sequence) in the
/// order they commit; each worker keeps the trials it has read and fetches only those changed since,
/// which keeps a growing study cheap to read. Times are the server's, so machines' clocks need not
/// agree. Transient failures are retried with back-off; a new trial carries a claim token so that a
/// retried creation never makes two trials.
/// </summary>
internal sealed class PostgresStudyStorage : IStudyStorage
{
    private const string TrialColumns = "number, state, unit, parameters, value, started, completed, seed, error, grid_index, bracket, retry_of, interrupted, worker, change";

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresRetry _retry;
    private readonly Dictionary<long, TrialCache> _caches = new();

    /// <summary>Opens (and creates or migrates the schema of) a PostgreSQL study storage.</summary>
    /// <param name="storage">A key-value connection string or a <c>postgresql://</c> URI.</param>
    /// <param name="retryBudget">How long an operation keeps retrying transient failures; 60 seconds when <see langword="null"/>.</param>
    public PostgresStudyStorage(string storage, TimeSpan? retryBudget = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize(storage));
        if (!builder.ContainsKey("Timeout") || builder.Timeout == 15)
        {
            builder.Timeout = 5;
        }

        builder.ApplicationName ??= "HyperTune";
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        string where = PostgresConnectionString.Describe(builder.ConnectionString);
        _retry = new PostgresRetry(where, retryBudget ?? TimeSpan.FromSeconds(60));
        new PostgresRetry(where, TimeSpan.FromSeconds(10)).Run("open the study storage", _ => PostgresSchema.Ensure(_dataSource));
    }

    /// <inheritdoc/>
    public StoredStudy OpenStudy(string name, Direction direction, StoredSpace space, bool startFresh)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(space);
        var study = _retry.Run("open the study", _ =>
        {
            using var connection = _dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            if (startFresh)
            {
                Command(connection, transaction, "DELETE FROM hypertune_studies WHERE name = @name", ("name", name)).ExecuteNonQuery();
            }

            Command(connection, transaction, "INSERT INTO hypertune_studies (name, direction, space) VALUES (@name, @direction, @space) ON CONFLICT (name) DO NOTHING",
                ("name", name), ("direction", (short)direction), ("space", space.ToJson())).ExecuteNonQuery();
            using var command = Command(connection, transaction, "SELECT id, direction, space FROM hypertune_studies WHERE name = @name", ("name", name));
            StoredStudy result;
            using (var reader = command.ExecuteReader())
            {
                reader.Read();
                result = new StoredStudy(reader.GetInt64(0), name, (Direction)reader.GetInt16(1), StoredSpace.FromJson(reader.GetString(2)));
            }

            transaction.Commit();
            return result;
        });
        lock (_caches)
        {
            _caches.Remove(study.Id);
        }

        return study;
    }

    /// <inheritdoc/>
    public void MigrateSpace(long studyId, StoredSpace space, IReadOnlyDictionary<int, double[]> units) =>
        Change(studyId, "migrate the study's space", (connection, transaction) =>
        {
            Command(connection, transaction, "UPDATE hypertune_studies SET space = @space WHERE id = @study", ("space", space.ToJson()), ("study", studyId)).ExecuteNonQuery();
            foreach (var (number, unit) in units)
            {
                Command(connection, transaction, "UPDATE hypertune_trials SET unit = @unit, change = nextval('hypertune_changes') WHERE study_id = @study AND number = @number",
                    ("unit", unit), ("study", studyId), ("number", number)).ExecuteNonQuery();
            }

            return true;
        });

    /// <inheritdoc/>
    public TrialRecord? CreateTrial(long studyId, string worker, Func<IReadOnlyList<TrialRecord>, int, TrialProposal?> propose)
    {
        ArgumentNullException.ThrowIfNull(propose);
        var claim = Guid.NewGuid();
        int? created = _retry.Run("create a trial", attempt =>
        {
            using var connection = _dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            LockStudy(connection, transaction, studyId);
            if (attempt > 1
                && Command(connection, transaction, "SELECT number FROM hypertune_trials WHERE claim = @claim", ("claim", claim)).ExecuteScalar() is int committed)
            {
                // The earlier attempt committed before its connection dropped: that trial is ours.
                transaction.Commit();
                return committed;
            }

            var trials = Read(connection, transaction, studyId);
            int number = trials.Count;
            var proposal = propose(trials, number);
            if (proposal is null)
            {
                transaction.Rollback();
                return (int?)null;
            }

            Command(connection, transaction, """
                INSERT INTO hypertune_trials (study_id, number, state, unit, parameters, started, seed, grid_index, bracket, retry_of, worker, claim, change)
                VALUES (@study, @number, 0, @unit, @parameters, now(), @seed, @grid, @bracket, @retry, @worker, @claim, nextval('hypertune_changes'))
                """,
                ("study", studyId), ("number", number), ("unit", proposal.Unit), ("parameters", ParameterJson.Write(proposal.Parameters)),
                ("seed", proposal.Seed), ("grid", (object?)proposal.GridIndex), ("bracket", (object?)proposal.Bracket), ("retry", (object?)proposal.RetryOf),
                ("worker", worker), ("claim", claim)).ExecuteNonQuery();
            Beat(connection, transaction, studyId, worker);
            transaction.Commit();
            return number;
        });

        return created is int trial ? GetTrials(studyId)[trial] : null;
    }

    /// <inheritdoc/>
    public void ReportIntermediate(long studyId, int number, int step, double value) =>
        Change(studyId, "record an intermediate value", (connection, transaction) =>
        {
            int updated = Command(connection, transaction, "UPDATE hypertune_trials SET change = nextval('hypertune_changes') WHERE study_id = @study AND number = @number AND state = 0",
                ("study", studyId), ("number", number)).ExecuteNonQuery();
            if (updated == 1)
            {
                Command(connection, transaction, """
                    INSERT INTO hypertune_intermediate (study_id, number, step, value) VALUES (@study, @number, @step, @value)
                    ON CONFLICT (study_id, number, step) DO UPDATE SET value = excluded.value
                    """, ("study", studyId), ("number", number), ("step", step), ("value", value)).ExecuteNonQuery();
            }

            return true;
        });

    /// <inheritdoc/>
    public bool FinishTrial(long studyId, int number, TrialState state, double? value, string? errorMessage, bool interrupted)
    {
        if (state == TrialState.Running)
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A trial finishes complete, pruned or failed.");
        }

        return Change(studyId, "finish a trial", (connection, transaction) => Command(connection, transaction, """
            UPDATE hypertune_trials SET state = @state, value = @value, error = @error, interrupted = @interrupted, completed = now(), change = nextval('hypertune_changes')
            WHERE study_id = @study AND number = @number AND state = 0
            """,
            ("state", (short)state), ("value", (object?)value), ("error", (object?)errorMessage), ("interrupted", interrupted),
            ("study", studyId), ("number", number)).ExecuteNonQuery() == 1);
    }

    /// <inheritdoc/>
    public IReadOnlyList<TrialRecord> GetTrials(long studyId) => _retry.Run("read the trials", _ =>
    {
        using var connection = _dataSource.OpenConnection();
        return Read(connection, null, studyId);
    });

    /// <inheritdoc/>
    public void Heartbeat(long studyId, string worker) => _retry.Run("send a heartbeat", _ =>
    {
        using var connection = _dataSource.OpenConnection();
        Beat(connection, null, studyId, worker);
    });

    /// <inheritdoc/>
    public IReadOnlyList<int> FailStaleTrials(long studyId, TimeSpan timeout, Func<string, bool> isDead)
    {
        ArgumentNullException.ThrowIfNull(isDead);
        return Change(studyId, "fail stale trials", (connection, transaction) =>
        {
            var running = new List<(int Number, string Worker, bool Stale)>();
            using (var command = Command(connection, transaction, """
                SELECT t.number, coalesce(t.worker, ''), w.heartbeat IS NULL OR now() - w.heartbeat > @timeout
                FROM hypertune_trials t LEFT JOIN hypertune_workers w ON w.study_id = t.study_id AND w.worker = t.worker
                WHERE t.study_id = @study AND t.state = 0 ORDER BY t.number
                """, ("timeout", timeout), ("study", studyId)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    running.Add((reader.GetInt32(0), reader.GetString(1), reader.GetBoolean(2)));
                }
            }

            var failed = new List<int>();
            foreach (var (number, worker, stale) in running)
            {
                if (stale || isDead(worker))
                {
                    Command(connection, transaction, """
                        UPDATE hypertune_trials SET state = 3, interrupted = true, completed = now(), change = nextval('hypertune_changes'),
                            error = @error WHERE study_id = @study AND number = @number AND state = 0
                        """, ("error", $"Interrupted: worker '{worker}' stopped sending heartbeats."), ("study", studyId), ("number", number)).ExecuteNonQuery();
                    failed.Add(number);
                }
            }

            return (IReadOnlyList<int>)failed;
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredStudy> ListStudies() => _retry.Run("list the studies", _ =>
    {
        using var connection = _dataSource.OpenConnection();
        using var command = Command(connection, null, "SELECT id, name, direction, space FROM hypertune_studies ORDER BY id");
        using var reader = command.ExecuteReader();
        var studies = new List<StoredStudy>();
        while (reader.Read())
        {
            studies.Add(new StoredStudy(reader.GetInt64(0), reader.GetString(1), (Direction)reader.GetInt16(2), StoredSpace.FromJson(reader.GetString(3))));
        }

        return (IReadOnlyList<StoredStudy>)studies;
    });

    /// <inheritdoc/>
    public void Dispose() => _dataSource.Dispose();

    private T Change<T>(long studyId, string what, Func<NpgsqlConnection, NpgsqlTransaction, T> change) => _retry.Run(what, _ =>
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        LockStudy(connection, transaction, studyId);
        var result = change(connection, transaction);
        transaction.Commit();
        return result;
    });

    private static void LockStudy(NpgsqlConnection connection, NpgsqlTransaction transaction, long studyId)
    {
        if (Command(connection, transaction, "SELECT id FROM hypertune_studies WHERE id = @study FOR UPDATE", ("study", studyId)).ExecuteScalar() is null)
        {
            throw new InvalidOperationException($"Study {studyId} is no longer in the storage: another worker started it over.");
        }
    }

    private static void Beat(NpgsqlConnection connection, NpgsqlTransaction? transaction, long studyId, string worker) =>
        Command(connection, transaction, """
            INSERT INTO hypertune_workers (study_id, worker, heartbeat) VALUES (@study, @worker, now())
            ON CONFLICT (study_id, worker) DO UPDATE SET heartbeat = excluded.heartbeat
            """, ("study", studyId), ("worker", worker)).ExecuteNonQuery();

    /// <summary>The study's trials: the cached ones, brought up to date with the rows changed since the last read.</summary>
    private IReadOnlyList<TrialRecord> Read(NpgsqlConnection connection, NpgsqlTransaction? transaction, long studyId)
    {
        TrialCache cache;
        lock (_caches)
        {
            if (!_caches.TryGetValue(studyId, out cache!))
            {
                cache = new TrialCache();
                _caches[studyId] = cache;
            }
        }

        lock (cache)
        {
            var changed = new List<(TrialRecord Record, long Change)>();
            using (var command = Command(connection, transaction, $"SELECT {TrialColumns} FROM hypertune_trials WHERE study_id = @study AND change > @since ORDER BY number", ("study", studyId), ("since", cache.LastChange)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    changed.Add((ReadTrial(reader), reader.GetInt64(14)));
                }
            }

            if (changed.Count > 0)
            {
                var intermediate = changed.ToDictionary(c => c.Record.Number, _ => new SortedDictionary<int, double>());
                using (var command = Command(connection, transaction, "SELECT number, step, value FROM hypertune_intermediate WHERE study_id = @study AND number = ANY(@numbers)",
                    ("study", studyId), ("numbers", intermediate.Keys.ToArray())))
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        intermediate[reader.GetInt32(0)][reader.GetInt32(1)] = reader.GetDouble(2);
                    }
                }

                foreach (var (record, change) in changed)
                {
                    cache.Trials[record.Number] = record with { IntermediateValues = intermediate[record.Number] };
                    cache.LastChange = Math.Max(cache.LastChange, change);
                }

                cache.Snapshot = cache.Trials.Values.ToArray();
            }

            return cache.Snapshot;
        }
    }

    private static TrialRecord ReadTrial(NpgsqlDataReader reader)
    {
        int number = reader.GetInt32(0);
        return new TrialRecord(
            number,
            (TrialState)reader.GetInt16(1),
            reader.GetFieldValue<double[]>(2),
            ParameterJson.Read(reader.GetString(3), number),
            reader.IsDBNull(4) ? null : reader.GetDouble(4),
            new SortedDictionary<int, double>(),
            reader.GetFieldValue<DateTimeOffset>(5),
            reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
            reader.GetInt32(7),
            reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetInt32(9),
            reader.IsDBNull(10) ? null : reader.GetInt32(10),
            reader.IsDBNull(11) ? null : reader.GetInt32(11),
            reader.GetBoolean(12),
            reader.IsDBNull(13) ? null : reader.GetString(13));
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value switch
            {
                null => new NpgsqlParameter(name, DBNull.Value),
                double[] unit => new NpgsqlParameter<double[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = unit },
                _ => new NpgsqlParameter(name, value),
            });
        }

        return command;
    }

    /// <summary>The trials of one study as last read, and the change they were read up to.</summary>
    private sealed class TrialCache
    {
        public SortedDictionary<int, TrialRecord> Trials { get; } = new();

        public TrialRecord[] Snapshot { get; set; } = Array.Empty<TrialRecord>();

        public long LastChange { get; set; }
    }
}
