using System;

namespace HyperTune.Tuning;

/// <summary>Opens the storage that <see cref="TuneOptions.Storage"/> names.</summary>
internal static class StudyStorages
{
    /// <summary>
    /// Opens a storage: in memory for <see langword="null"/>; PostgreSQL for a <c>postgresql://</c> URI or
    /// a connection string with a Host; else a SQLite file path or connection string.
    /// </summary>
    /// <param name="storage">The option's value.</param>
    /// <returns>The storage.</returns>
    public static IStudyStorage Open(string? storage)
    {
        if (storage is null)
        {
            return new InMemoryStudyStorage();
        }

        if (string.IsNullOrWhiteSpace(storage))
        {
            throw new ArgumentException("TuneOptions.Storage is empty: give a SQLite file path or connection string, or null for a study in memory.", nameof(storage));
        }

        if (PostgresConnectionString.IsPostgres(storage))
        {
            return new PostgresStudyStorage(storage);
        }

        return new SqliteStudyStorage(storage);
    }
}
