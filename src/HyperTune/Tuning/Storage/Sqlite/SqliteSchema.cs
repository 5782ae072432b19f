using System;
using System.Globalization;
using System.IO;
using Microsoft.Data.Sqlite;

namespace HyperTune.Tuning;

/// <summary>
/// The tables of a HyperTune store, their version, and the migrations between versions. A store records
/// its schema version in <c>hypertune_meta</c>; opening one written by a newer HyperTune is refused,
/// an older one is migrated in one transaction.
/// </summary>
/// <remarks>
/// Trials carry <c>change_seq</c>, taken from the store-wide counter <c>hypertune_changes</c> by every
/// write that changes what a <see cref="TrialRecord"/> holds. Writes are serialised by SQLite, so the
/// counter grows in commit order and a reader that has seen everything up to some value needs only the
/// rows above it.
/// </remarks>
internal static class SqliteSchema
{
    /// <summary>The schema this version of HyperTune writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The <c>application_id</c> in the file header: "HTun", so tools such as <c>file</c> can tell a HyperTune store.</summary>
    public const int ApplicationId = 0x4854756E;

    /// <summary>Each version's DDL, applied in order from the store's version to <see cref="CurrentVersion"/>; index 0 creates version 1.</summary>
    private static readonly string[] Migrations =
    {
        """
        CREATE TABLE hypertune_meta (
            key   TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE hypertune_changes (
            id    INTEGER PRIMARY KEY CHECK (id = 1),
            value INTEGER NOT NULL
        );
        INSERT INTO hypertune_changes (id, value) VALUES (1, 0);

        CREATE TABLE studies (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            name       TEXT NOT NULL UNIQUE,
            direction  TEXT NOT NULL CHECK (direction IN ('Minimize', 'Maximize')),
            space      TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );

        CREATE TABLE trials (
            study_id     INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
            number       INTEGER NOT NULL,
            state        TEXT NOT NULL CHECK (state IN ('Running', 'Complete', 'Pruned', 'Failed')),
            unit         BLOB NOT NULL,
            parameters   TEXT NOT NULL,
            value        REAL,
            started_at   INTEGER NOT NULL,
            completed_at INTEGER,
            seed         INTEGER NOT NULL,
            error        TEXT,
            grid_index   INTEGER,
            bracket      INTEGER,
            retry_of     INTEGER,
            interrupted  INTEGER NOT NULL DEFAULT 0,
            worker       TEXT,
            heartbeat_at INTEGER NOT NULL,
            change_seq   INTEGER NOT NULL,
            PRIMARY KEY (study_id, number)
        );
        CREATE INDEX trials_by_change ON trials (study_id, change_seq);
        CREATE INDEX trials_by_state ON trials (study_id, state);

        CREATE TABLE intermediate_values (
            study_id INTEGER NOT NULL,
            number   INTEGER NOT NULL,
            step     INTEGER NOT NULL,
            value    REAL,
            PRIMARY KEY (study_id, number, step),
            FOREIGN KEY (study_id, number) REFERENCES trials (study_id, number) ON DELETE CASCADE
        ) WITHOUT ROWID;

        CREATE TABLE workers (
            study_id     INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
            worker       TEXT NOT NULL,
            first_seen   INTEGER NOT NULL,
            heartbeat_at INTEGER NOT NULL,
            PRIMARY KEY (study_id, worker)
        ) WITHOUT ROWID;
        """,
    };

    /// <summary>
    /// Makes sure the file is a HyperTune store of the current schema: creates the tables in an empty
    /// file, migrates an older store, refuses a newer one or a file that is something else. Switches the
    /// file to WAL (a persistent setting of the file).
    /// </summary>
    /// <param name="pool">The store's connections.</param>
    /// <exception cref="InvalidDataException">The file is not a SQLite database, or a SQLite database that is not a HyperTune store.</exception>
    /// <exception cref="NotSupportedException">The store was written by a newer schema.</exception>
    public static void Ensure(SqliteConnectionPool pool)
    {
        try
        {
            using (var lease = pool.Rent())
            {
                // journal_mode cannot change inside a transaction; WAL sticks to the file once set.
                string mode = Convert.ToString(lease.Connection.Command("PRAGMA journal_mode = WAL").ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
                if (!mode.Equals("wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidDataException($"The SQLite store '{pool.DataSource}' could not switch to WAL journaling (it reports '{mode}'); a study needs a file on a local file system.");
                }
            }

            // Fast path: a current store needs no write lock.
            int? version;
            using (var lease = pool.Rent())
            {
                version = ReadVersion(lease.Connection, pool.DataSource);
            }

            if (version == CurrentVersion)
            {
                return;
            }

            using var write = pool.BeginWrite();
            version = ReadVersion(write.Connection, pool.DataSource);
            for (int next = (version ?? 0) + 1; next <= CurrentVersion; next++)
            {
                write.Connection.Execute(Migrations[next - 1]);
            }

            if (version is null)
            {
                write.Connection.Execute($"PRAGMA application_id = {ApplicationId}");
                write.Connection.Execute("INSERT INTO hypertune_meta (key, value) VALUES ('application', 'HyperTune')");
                write.Connection.Execute($"INSERT INTO hypertune_meta (key, value) VALUES ('schema_version', '{CurrentVersion}')");
            }
            else
            {
                write.Connection.Execute($"UPDATE hypertune_meta SET value = '{CurrentVersion}' WHERE key = 'schema_version'");
            }

            write.Commit();
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 26 /* SQLITE_NOTADB */ or 11 /* SQLITE_CORRUPT */)
        {
            throw NotAStore(pool.DataSource, $"it is not a SQLite database ({exception.Message})", exception);
        }
    }

    /// <summary>The store's schema version; <see langword="null"/> for an empty file.</summary>
    private static int? ReadVersion(PooledSqliteConnection connection, string dataSource)
    {
        long tables = (long)connection.Command("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").ExecuteScalar()!;
        if (tables == 0)
        {
            return null;
        }

        long meta = (long)connection.Command("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'hypertune_meta'").ExecuteScalar()!;
        if (meta == 0)
        {
            throw NotAStore(dataSource, "it is a SQLite database with other tables and no hypertune_meta table", null);
        }

        object? text = connection.Command("SELECT value FROM hypertune_meta WHERE key = 'schema_version'").ExecuteScalar();
        if (text is not string versionText || !int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out int version) || version < 1)
        {
            throw NotAStore(dataSource, $"its hypertune_meta table has no valid schema_version (found '{text ?? "nothing"}')", null);
        }

        if (version > CurrentVersion)
        {
            throw new NotSupportedException(
                $"The study store '{dataSource}' has schema version {version}, written by a newer HyperTune; this HyperTune reads schema version {CurrentVersion} and older. Upgrade HyperTune to open it.");
        }

        return version;
    }

    private static InvalidDataException NotAStore(string dataSource, string why, Exception? inner) =>
        new($"The file '{dataSource}' is not a HyperTune study store: {why}.", inner);
}
