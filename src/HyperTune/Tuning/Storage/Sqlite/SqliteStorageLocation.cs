using System;
using System.IO;
using Microsoft.Data.Sqlite;

namespace HyperTune.Tuning;

/// <summary>
/// Tells a SQLite file path (<c>study.db</c>) from a connection string (<c>Data Source=study.db;...</c>),
/// the two forms <see cref="TuneOptions.Storage"/> accepts, and turns either into the connection string
/// the storage opens.
/// </summary>
internal static class SqliteStorageLocation
{
    /// <summary>
    /// Whether <paramref name="storage"/> is a connection string: it has a <c>key=value</c> form that
    /// SQLite's connection-string parser accepts and that names a data source. Anything else, including
    /// a path with an <c>=</c> in it (<c>runs/lr=0.1/study.db</c>), is a file path.
    /// </summary>
    /// <param name="storage">A file path or a connection string.</param>
    /// <returns><see langword="true"/> for a connection string.</returns>
    public static bool IsConnectionString(string storage)
    {
        if (storage is null)
        {
            throw new ArgumentNullException(nameof(storage));
        }

        if (storage.IndexOf('=') < 0)
        {
            return false;
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(storage);
            return builder.DataSource.Length > 0;
        }
        catch (ArgumentException)
        {
            // An unknown keyword ("lr=0.1/study.db"): not a connection string.
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// The connection string the storage opens for a path or a connection string: the caller's keywords
    /// kept, the data source checked (an in-memory or temporary database would be a new empty database
    /// on every connection, so it is refused: use the in-memory storage instead), pooling left to the
    /// storage. A missing parent folder of a file path is created.
    /// </summary>
    /// <param name="storage">A file path or a connection string.</param>
    /// <returns>The connection string.</returns>
    /// <exception cref="ArgumentException"><paramref name="storage"/> is empty, or names an in-memory or temporary database.</exception>
    public static string ToConnectionString(string storage)
    {
        if (storage is null)
        {
            throw new ArgumentNullException(nameof(storage));
        }

        if (string.IsNullOrWhiteSpace(storage))
        {
            throw new ArgumentException("The SQLite storage is empty: give a file path (study.db) or a connection string (Data Source=study.db).", nameof(storage));
        }

        var builder = IsConnectionString(storage)
            ? new SqliteConnectionStringBuilder(storage)
            : new SqliteConnectionStringBuilder { DataSource = storage };
        string dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || dataSource.Length == 0 || dataSource == ":memory:" || dataSource.Contains("mode=memory", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"The SQLite storage '{storage}' is an in-memory or temporary database, which would be empty on every connection; leave TuneOptions.Storage null for a study in memory, or give a file.",
                nameof(storage));
        }

        if (!dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder) && builder.Mode != SqliteOpenMode.ReadOnly)
            {
                Directory.CreateDirectory(folder);
            }
        }

        // The storage keeps its own pool of configured connections; Microsoft.Data.Sqlite's pool would
        // keep files open after Dispose.
        builder.Pooling = false;
        return builder.ToString();
    }

    /// <summary>The data source of a connection string, for messages.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>The file it names.</returns>
    public static string DataSource(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;
}
