using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HyperTune.Tuning;

namespace HyperTune;

/// <summary>
/// Reads studies from a store (a SQLite file, or a PostgreSQL database) without their config types:
/// the entry point of tools and reports.
/// </summary>
public static class StudyStore
{
    /// <summary>The names of the studies in a store, in name order.</summary>
    /// <param name="storage">A SQLite file path or connection string, or a PostgreSQL URI or connection string (as <see cref="TuneOptions.Storage"/> takes).</param>
    /// <returns>The names.</returns>
    /// <exception cref="FileNotFoundException">A SQLite file that does not exist (a store is never created by reading).</exception>
    /// <exception cref="InvalidDataException">The file is not a HyperTune study store.</exception>
    /// <exception cref="NotSupportedException">The store was written by a newer HyperTune.</exception>
    public static IReadOnlyList<string> ListStudies(string storage)
    {
        using var store = OpenExisting(storage);
        return store.ListStudies().Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Reads one study and its trials as they are now.</summary>
    /// <param name="storage">A SQLite file path or connection string, or a PostgreSQL URI or connection string.</param>
    /// <param name="study">The study's name.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="KeyNotFoundException">The store has no study of that name (the message lists those it has).</exception>
    /// <exception cref="FileNotFoundException">A SQLite file that does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a HyperTune study store.</exception>
    /// <exception cref="NotSupportedException">The store was written by a newer HyperTune.</exception>
    public static StudySnapshot Load(string storage, string study)
    {
        ArgumentNullException.ThrowIfNull(study);
        using var store = OpenExisting(storage);
        var studies = store.ListStudies();
        var stored = studies.FirstOrDefault(s => s.Name == study);
        if (stored is null)
        {
            string known = studies.Count == 0 ? "it has none" : "it has " + string.Join(", ", studies.Select(s => $"'{s.Name}'").OrderBy(n => n, StringComparer.Ordinal));
            throw new KeyNotFoundException($"The store '{storage}' has no study named '{study}' ({known}).");
        }

        return StudySnapshot.From(stored, store.GetTrials(stored.Id));
    }

    private static IStudyStorage OpenExisting(string storage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storage);
        if (!PostgresConnectionString.IsPostgres(storage))
        {
            string path = SqliteStorageLocation.IsConnectionString(storage) ? SqliteStorageLocation.DataSource(storage) : storage;
            if (Directory.Exists(path))
            {
                throw new InvalidDataException($"The study store '{path}' is a directory, not a file.");
            }

            if (!path.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && !File.Exists(path))
            {
                throw new FileNotFoundException($"The study store '{path}' does not exist.", path);
            }
        }

        return StudyStorages.Open(storage);
    }
}
