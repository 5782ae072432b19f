using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HyperTune.Tuning;
using Microsoft.Data.Sqlite;

namespace HyperTune.Tests.Tuning.Storage;

/// <summary>A scratch folder per test class instance, deleted afterwards.</summary>
public abstract class SqliteScratch : IDisposable
{
    protected SqliteScratch()
    {
        Folder = Path.Combine(Path.GetTempPath(), "hypertune-sqlite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    protected string Folder { get; }

    protected string NewPath() => Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The storage contract, on SQLite.</summary>
public sealed class SqliteStudyStorageConformanceTests : StudyStorageConformanceTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hypertune-sqlite-" + Guid.NewGuid().ToString("N"));

    private protected override IStudyStorage CreateStorage() => new SqliteStudyStorage(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The contract again with one connection behind a lock: the other connection strategy stays correct too.</summary>
public sealed class SqliteStudyStorageSingleConnectionConformanceTests : StudyStorageConformanceTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hypertune-sqlite-" + Guid.NewGuid().ToString("N"));

    private protected override IStudyStorage CreateStorage() => new SqliteStudyStorage(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db"), 1, TimeProvider.System);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>What only a file-backed store does: survive reopening, refuse what it cannot read.</summary>
public sealed class SqliteStudyStorageTests : SqliteScratch
{
    [Fact]
    public void A_new_storage_object_on_the_same_file_reads_everything_back()
    {
        string path = NewPath();
        long studyId;
        List<TrialRecord> written;
        using (var storage = new SqliteStudyStorage(path))
        {
            var study = storage.OpenStudy("étude ☃", Direction.Maximize, StudyStorageConformanceTests.Space(), startFresh: false);
            studyId = study.Id;
            for (int i = 0; i < 4; i++)
            {
                storage.CreateTrial(study.Id, "w", (_, n) => StudyStorageConformanceTests.Proposal(n, bracket: n % 2, retryOf: n == 3 ? 1 : null));
            }

            storage.ReportIntermediate(study.Id, 0, 1, 0.4);
            storage.ReportIntermediate(study.Id, 0, 2, double.NaN);
            storage.FinishTrial(study.Id, 0, TrialState.Complete, 0.4, null, false);
            storage.FinishTrial(study.Id, 1, TrialState.Failed, null, "threw", false);
            storage.FinishTrial(study.Id, 2, TrialState.Pruned, 0.9, null, false);
            written = storage.GetTrials(study.Id).ToList();
        }

        using (var reopened = new SqliteStudyStorage(path))
        {
            var study = reopened.OpenStudy("étude ☃", Direction.Minimize, StudyStorageConformanceTests.Space("other"), startFresh: false);
            Assert.Equal(studyId, study.Id);
            Assert.Equal(Direction.Maximize, study.Direction);
            Assert.Equal(StudyStorageConformanceTests.Space().ToJson(), study.Space.ToJson());
            var read = reopened.GetTrials(study.Id);
            Assert.Equal(written.Count, read.Count);
            for (int i = 0; i < read.Count; i++)
            {
                AssertSame(written[i], read[i]);
            }

            Assert.Equal(4, reopened.CreateTrial(study.Id, "w2", (_, n) => StudyStorageConformanceTests.Proposal(n))!.Number);
        }
    }

    [Fact]
    public void Two_storage_objects_on_one_file_see_each_others_changes()
    {
        string path = NewPath();
        using var a = new SqliteStudyStorage(path);
        using var b = new SqliteStudyStorage("Data Source=" + path + ";Default Timeout=10");
        var study = a.OpenStudy("s", Direction.Minimize, StudyStorageConformanceTests.Space(), startFresh: false);
        Assert.Equal(study.Id, b.OpenStudy("s", Direction.Minimize, StudyStorageConformanceTests.Space(), startFresh: false).Id);
        a.CreateTrial(study.Id, "a", (_, n) => StudyStorageConformanceTests.Proposal(n));
        Assert.Equal(TrialState.Running, Assert.Single(b.GetTrials(study.Id)).State);
        Assert.Equal(1, b.CreateTrial(study.Id, "b", (trials, n) =>
        {
            Assert.Single(trials);
            return StudyStorageConformanceTests.Proposal(n);
        })!.Number);
        a.ReportIntermediate(study.Id, 0, 1, 0.3);
        a.FinishTrial(study.Id, 0, TrialState.Complete, 0.3, null, false);
        Assert.Equal(2, a.GetTrials(study.Id).Count);
        var seen = b.GetTrials(study.Id);
        Assert.Equal(TrialState.Complete, seen[0].State);
        Assert.Equal(0.3, seen[0].IntermediateValues[1]);
        Assert.Equal(new[] { 1 }, a.FailStaleTrials(study.Id, TimeSpan.FromHours(1), w => w == "b"));
        Assert.False(b.FinishTrial(study.Id, 1, TrialState.Complete, 1, null, false));
        Assert.Equal(TrialState.Failed, b.GetTrials(study.Id)[1].State);

        // A study started fresh elsewhere is gone for the other object's cache too.
        var fresh = b.OpenStudy("s", Direction.Minimize, StudyStorageConformanceTests.Space(), startFresh: true);
        Assert.NotEqual(study.Id, fresh.Id);
        Assert.Throws<InvalidOperationException>(() => a.GetTrials(study.Id));
        Assert.Empty(a.GetTrials(fresh.Id));
    }

    [Fact]
    public void The_file_is_in_WAL_mode_and_names_its_schema_version()
    {
        string path = NewPath();
        new SqliteStudyStorage(path).Dispose();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal("1", Scalar(connection, "SELECT value FROM hypertune_meta WHERE key = 'schema_version'"));
        Assert.Equal(SqliteSchema.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), Scalar(connection, "PRAGMA application_id"));
    }

    [Fact]
    public void Every_connection_waits_for_other_processes_and_keeps_commits_across_a_killed_process()
    {
        using var pool = new SqliteConnectionPool(SqliteStorageLocation.ToConnectionString("Data Source=" + NewPath() + ";Default Timeout=12"), 2);
        using var first = pool.Rent();
        using var second = pool.Rent();
        foreach (var lease in new[] { first, second })
        {
            Assert.Equal(12000L, lease.Connection.Command("PRAGMA busy_timeout").ExecuteScalar());
            Assert.Equal(1L, lease.Connection.Command("PRAGMA synchronous").ExecuteScalar()); // NORMAL
            Assert.Equal(1L, lease.Connection.Command("PRAGMA foreign_keys").ExecuteScalar());
        }
    }

    [Fact]
    public void A_store_written_by_a_newer_schema_is_refused_naming_both_versions()
    {
        string path = NewPath();
        new SqliteStudyStorage(path).Dispose();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Scalar(connection, "UPDATE hypertune_meta SET value = '7' WHERE key = 'schema_version'");
        }

        var exception = Assert.Throws<NotSupportedException>(() => new SqliteStudyStorage(path));
        Assert.Contains("schema version 7", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {SqliteSchema.CurrentVersion} and older", exception.Message, StringComparison.Ordinal);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_SQLite_database_is_refused()
    {
        string path = NewPath();
        File.WriteAllText(path, "trial,value\n0,0.5\n1,0.25\nthis is a CSV file and not a database at all, padded to pass the header size check............................");
        var exception = Assert.Throws<InvalidDataException>(() => new SqliteStudyStorage(path));
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("trial,value", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_SQLite_database_of_something_else_is_refused()
    {
        string path = NewPath();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Scalar(connection, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)");
        }

        var exception = Assert.Throws<InvalidDataException>(() => new SqliteStudyStorage(path));
        Assert.Contains("not a HyperTune study store", exception.Message, StringComparison.Ordinal);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_becomes_a_store_and_a_missing_folder_is_created()
    {
        string empty = NewPath();
        File.WriteAllBytes(empty, Array.Empty<byte>());
        using (var storage = new SqliteStudyStorage(empty))
        {
            Assert.Empty(storage.ListStudies());
        }

        string nested = Path.Combine(Folder, "runs", "lr=0.1", "study.db");
        using (var storage = new SqliteStudyStorage(nested))
        {
            storage.OpenStudy("s", Direction.Minimize, StudyStorageConformanceTests.Space(), startFresh: false);
        }

        Assert.True(File.Exists(nested));
    }

    [Fact]
    public void FinishTrial_refuses_a_finished_state_without_a_value_and_an_unknown_trial()
    {
        using var storage = new SqliteStudyStorage(NewPath());
        var study = storage.OpenStudy("s", Direction.Minimize, StudyStorageConformanceTests.Space(), startFresh: false);
        storage.CreateTrial(study.Id, "w", (_, n) => StudyStorageConformanceTests.Proposal(n));
        Assert.Throws<ArgumentNullException>(() => storage.FinishTrial(study.Id, 0, TrialState.Complete, null, null, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => storage.FinishTrial(study.Id, 0, TrialState.Running, 1, null, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => storage.FinishTrial(study.Id, 5, TrialState.Complete, 1, null, false));
        Assert.Throws<InvalidOperationException>(() => storage.GetTrials(study.Id + 100));
        Assert.Equal(TrialState.Running, storage.GetTrials(study.Id)[0].State);
    }

    [Theory]
    [InlineData("study.db", false)]
    [InlineData("runs/lr=0.1/study.db", false)]
    [InlineData("/tmp/a b/study.db", false)]
    [InlineData("Data Source=study.db", true)]
    [InlineData("data source=study.db;Default Timeout=5", true)]
    [InlineData("Filename=study.db", true)]
    public void Paths_and_connection_strings_are_told_apart(string storage, bool isConnectionString)
    {
        Assert.Equal(isConnectionString, SqliteStorageLocation.IsConnectionString(storage));
        var builder = new SqliteConnectionStringBuilder(SqliteStorageLocation.ToConnectionString(storage.Replace("/tmp/a b/", Folder + "/a b/", StringComparison.Ordinal)));
        Assert.EndsWith("study.db", builder.DataSource, StringComparison.Ordinal);
        Assert.False(builder.Pooling);
    }

    [Theory]
    [InlineData(":memory:")]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=x;Mode=Memory")]
    [InlineData("")]
    [InlineData("   ")]
    public void In_memory_and_empty_data_sources_are_refused(string storage)
    {
        var exception = Assert.Throws<ArgumentException>(() => SqliteStorageLocation.ToConnectionString(storage));
        Assert.Equal("storage", exception.ParamName);
    }

    internal static void AssertSame(TrialRecord expected, TrialRecord actual)
    {
        Assert.Equal(expected.Number, actual.Number);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.Unit.Select(BitConverter.DoubleToInt64Bits), actual.Unit.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Value, actual.Value);
        Assert.Equal(expected.IntermediateValues.Keys, actual.IntermediateValues.Keys);
        Assert.Equal(expected.IntermediateValues.Values.Select(BitConverter.DoubleToInt64Bits), actual.IntermediateValues.Values.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.StartedAt, actual.StartedAt);
        Assert.Equal(expected.CompletedAt, actual.CompletedAt);
        Assert.Equal(expected.Seed, actual.Seed);
        Assert.Equal(expected.ErrorMessage, actual.ErrorMessage);
        Assert.Equal(expected.GridIndex, actual.GridIndex);
        Assert.Equal(expected.Bracket, actual.Bracket);
        Assert.Equal(expected.RetryOf, actual.RetryOf);
        Assert.Equal(expected.Interrupted, actual.Interrupted);
        Assert.Equal(expected.Worker, actual.Worker);
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
