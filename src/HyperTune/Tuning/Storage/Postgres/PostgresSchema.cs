using System;
using System.Globalization;
using System.IO;
using Npgsql;

namespace HyperTune.Tuning;

/// <summary>
/// The storage's tables, created and migrated by the library. Versioned in <c>hypertune_meta</c>: each
/// version's migration runs once, in one transaction, under an advisory lock so that workers starting
/// together do not race; a database written by a newer version of HyperTune is refused.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The schema this build writes.</summary>
    public const int CurrentVersion = 2;

    private const long MigrationLock = 0x4879_7065_7254_756E; // "HyperTun"

    /// <summary>
    /// Version 1: studies, trials (their point, values and bookkeeping), intermediate values and
    /// worker heartbeats, with a change counter for incremental reads.
    /// </summary>
    internal const string Version1 = """
        CREATE TABLE hypertune_studies (
            id bigserial PRIMARY KEY,
            name text NOT NULL UNIQUE,
            direction smallint NOT NULL,
            space text NOT NULL,
            created timestamptz NOT NULL DEFAULT now());
        CREATE SEQUENCE hypertune_changes;
        CREATE TABLE hypertune_trials (
            study_id bigint NOT NULL REFERENCES hypertune_studies (id) ON DELETE CASCADE,
            number integer NOT NULL,
            state smallint NOT NULL,
            unit double precision[] NOT NULL,
            parameters text NOT NULL,
            value double precision,
            started timestamptz NOT NULL,
            completed timestamptz,
            seed integer NOT NULL,
            error text,
            grid_index integer,
            bracket integer,
            retry_of integer,
            interrupted boolean NOT NULL DEFAULT false,
            worker text,
            change bigint NOT NULL,
            PRIMARY KEY (study_id, number));
        CREATE INDEX hypertune_trials_change ON hypertune_trials (study_id, change);
        CREATE TABLE hypertune_intermediate (
            study_id bigint NOT NULL,
            number integer NOT NULL,
            step integer NOT NULL,
            value double precision NOT NULL,
            PRIMARY KEY (study_id, number, step),
            FOREIGN KEY (study_id, number) REFERENCES hypertune_trials (study_id, number) ON DELETE CASCADE);
        CREATE TABLE hypertune_workers (
            study_id bigint NOT NULL REFERENCES hypertune_studies (id) ON DELETE CASCADE,
            worker text NOT NULL,
            heartbeat timestamptz NOT NULL,
            PRIMARY KEY (study_id, worker));
        """;

    /// <summary>
    /// Version 2: a claim token on each trial, so that a worker whose connection dropped while it
    /// committed a new trial finds that trial again instead of creating a second one.
    /// </summary>
    internal const string Version2 = """
        ALTER TABLE hypertune_trials ADD COLUMN claim uuid;
        CREATE UNIQUE INDEX hypertune_trials_claim ON hypertune_trials (claim) WHERE claim IS NOT NULL;
        """;

    private static readonly string[] s_migrations = { Version1, Version2 };

    /// <summary>Brings the database's schema to <see cref="CurrentVersion"/>.</summary>
    /// <param name="dataSource">The database.</param>
    /// <exception cref="InvalidDataException">The database was written by a newer HyperTune.</exception>
    public static void Ensure(NpgsqlDataSource dataSource)
    {
        using var connection = dataSource.OpenConnection();
        int version = ReadVersion(connection, null);
        if (version == CurrentVersion)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})");
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS hypertune_meta (key text PRIMARY KEY, value text NOT NULL)");
        version = ReadVersion(connection, transaction);
        if (version > CurrentVersion)
        {
            throw new InvalidDataException($"The study storage was written by a newer HyperTune (schema version {version}); this version reads schema version {CurrentVersion} and older. Upgrade HyperTune.");
        }

        for (int next = version + 1; next <= CurrentVersion; next++)
        {
            Execute(connection, transaction, s_migrations[next - 1]);
        }

        using (var command = new NpgsqlCommand("INSERT INTO hypertune_meta (key, value) VALUES ('schema_version', @v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", connection, transaction))
        {
            command.Parameters.AddWithValue("v", CurrentVersion.ToString(CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The schema version recorded in the database; 0 when it has none yet.</summary>
    internal static int ReadVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass('hypertune_meta') IS NOT NULL", connection, transaction);
        if (!(bool)exists.ExecuteScalar()!)
        {
            return 0;
        }

        using var command = new NpgsqlCommand("SELECT value FROM hypertune_meta WHERE key = 'schema_version'", connection, transaction);
        object? value = command.ExecuteScalar();
        if (value is null)
        {
            return 0;
        }

        return int.TryParse((string)value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int version)
            ? version
            : throw new InvalidDataException($"The study storage's schema_version is '{value}', which is not a number: this database is not a HyperTune store.");
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
