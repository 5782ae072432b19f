using HyperTune.Tuning;
using HyperTune.Tests.Tuning;
using Npgsql;

namespace HyperTune.Tests.Tuning.Postgres;

/// <summary>
/// Distributed studies on a real PostgreSQL server: several worker processes on one study, a worker
/// killed mid-trial, the same points as one worker, schema migration, and clear connection errors.
/// </summary>
public sealed class PostgresStudyTests
{
    [PostgresFact]
    public async Task Four_worker_processes_share_one_200_trial_study_and_end_with_exactly_200_distinct_finished_trials()
    {
        using var database = new PostgresDatabase();
        var workers = Enumerable.Range(0, 4).Select(_ => new WorkerProcess(database.ConnectionString, "shared", 200, "Random", 5, 10)).ToList();
        try
        {
            foreach (var worker in workers)
            {
                Assert.True(await worker.WaitAsync(TimeSpan.FromMinutes(4)) == 0, string.Join("\n", worker.Lines.TakeLast(20)));
            }

            using var storage = new PostgresStudyStorage(database.ConnectionString);
            var study = storage.ListStudies().Single();
            var trials = storage.GetTrials(study.Id);
            Assert.Equal(200, trials.Count(t => t.IsFinished));
            Assert.Equal(Enumerable.Range(0, trials.Count), trials.Select(t => t.Number));
            var finishedByWorkers = workers.SelectMany(w => w.Finished).ToList();
            Assert.Equal(finishedByWorkers.Count, finishedByWorkers.Distinct().Count());
            Assert.Equal(200, finishedByWorkers.Count);
            Assert.All(workers, w => Assert.NotEmpty(w.Finished));
            Assert.All(workers, w => Assert.Contains("done 200", w.Lines));
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }
    }

    [PostgresFact]
    public async Task A_worker_killed_mid_trial_has_that_trial_failed_and_retried_while_the_study_completes()
    {
        using var database = new PostgresDatabase();
        using var slow = new WorkerProcess(database.ConnectionString, "crash", 20, "Random", 8, 60_000);
        using var storage = new PostgresStudyStorage(database.ConnectionString);
        TrialRecord? victim = null;
        for (int i = 0; i < 600 && victim is null; i++)
        {
            await Task.Delay(100);
            var studies = storage.ListStudies();
            victim = studies.Count == 0 ? null : storage.GetTrials(studies[0].Id).FirstOrDefault(t => t.State == TrialState.Running);
        }

        Assert.NotNull(victim);
        slow.Kill();
        using var rescuer = new WorkerProcess(database.ConnectionString, "crash", 20, "Random", 8, 5);
        Assert.Equal(0, await rescuer.WaitAsync(TimeSpan.FromMinutes(3)));

        var trials = storage.GetTrials(storage.ListStudies()[0].Id);
        var failed = trials[victim!.Number];
        Assert.Equal(TrialState.Failed, failed.State);
        Assert.True(failed.Interrupted);
        var retry = Assert.Single(trials, t => t.RetryOf == victim.Number);
        Assert.Equal(victim.Unit, retry.Unit);
        Assert.Equal(TrialState.Complete, retry.State);
        Assert.Equal(20, trials.Count(t => t.IsFinished));
    }

    [PostgresFact]
    public async Task A_random_study_proposes_the_same_points_on_four_workers_as_on_one()
    {
        using var database = new PostgresDatabase();
        using (var alone = new WorkerProcess(database.ConnectionString, "one", 40, "Random", 21, 0))
        {
            Assert.Equal(0, await alone.WaitAsync(TimeSpan.FromMinutes(3)));
        }

        var workers = Enumerable.Range(0, 4).Select(_ => new WorkerProcess(database.ConnectionString, "four", 40, "Random", 21, 5)).ToList();
        try
        {
            foreach (var worker in workers)
            {
                Assert.Equal(0, await worker.WaitAsync(TimeSpan.FromMinutes(3)));
            }

            using var storage = new PostgresStudyStorage(database.ConnectionString);
            var studies = storage.ListStudies();
            var one = storage.GetTrials(studies.Single(s => s.Name == "one").Id);
            var four = storage.GetTrials(studies.Single(s => s.Name == "four").Id);
            Assert.Equal(40, four.Count);
            Assert.Equal(one.Select(t => (t.Number, string.Join(",", t.Unit))), four.Select(t => (t.Number, string.Join(",", t.Unit))));
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }
    }

    [PostgresFact]
    public void A_version_1_store_is_migrated_with_its_trials_kept()
    {
        using var database = new PostgresDatabase();
        using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            connection.Open();
            Execute(connection, "CREATE TABLE hypertune_meta (key text PRIMARY KEY, value text NOT NULL); INSERT INTO hypertune_meta VALUES ('schema_version', '1');");
            Execute(connection, PostgresSchema.Version1);
            string space = StoredSpace.From(MixedConfig.SearchSpace.Fingerprint, MixedConfig.SearchSpace.Dimensions).ToJson().Replace("'", "''", StringComparison.Ordinal);
            Execute(connection, $"INSERT INTO hypertune_studies (name, direction, space) VALUES ('old', 0, '{space}');");
            Execute(connection, """
                INSERT INTO hypertune_trials (study_id, number, state, unit, parameters, value, started, completed, seed, change)
                VALUES (1, 0, 1, '{0.5,0.5,0.5,0.1,NaN}', '{"Count":"7","Kind":"a","Rate":"0.01","X":"0"}', 1.25, now(), now(), 3, nextval('hypertune_changes'));
                """);
        }

        using var storage = new PostgresStudyStorage(database.ConnectionString);
        var study = storage.OpenStudy("old", Direction.Minimize, StoredSpace.From(MixedConfig.SearchSpace.Fingerprint, MixedConfig.SearchSpace.Dimensions), startFresh: false);
        var trial = Assert.Single(storage.GetTrials(study.Id));
        Assert.Equal(1.25, trial.Value);
        Assert.True(double.IsNaN(trial.Unit[4]));
        Assert.Equal("7", trial.Parameters["Count"]);
        using var check = new NpgsqlConnection(database.ConnectionString);
        check.Open();
        Assert.Equal(PostgresSchema.CurrentVersion, PostgresSchema.ReadVersion(check, null));
        Assert.NotNull(storage.CreateTrial(study.Id, "w", (trials, number) => new TrialProposal(new double[5], new Dictionary<string, string>(), 1, null, null, null)));
    }

    [PostgresFact]
    public void A_store_written_by_a_newer_version_is_refused()
    {
        using var database = new PostgresDatabase();
        using (new PostgresStudyStorage(database.ConnectionString))
        {
        }

        using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            connection.Open();
            Execute(connection, "UPDATE hypertune_meta SET value = '99' WHERE key = 'schema_version'");
        }

        var error = Assert.Throws<InvalidDataException>(() => new PostgresStudyStorage(database.ConnectionString));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_wrong_password_is_one_clear_error()
    {
        string wrong = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)) { Password = "not-the-password" }.ConnectionString;

        var error = Assert.Throws<InvalidOperationException>(() => new PostgresStudyStorage(wrong));

        Assert.Contains("authentication failed: check the user name and password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_server_is_one_clear_error_after_retries()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<IOException>(() => new PostgresStudyStorage("Host=127.0.0.1;Port=1;Username=u;Password=p;Database=d;Timeout=1"));

        Assert.Contains("PostgreSQL study storage at 127.0.0.1:1/d as u: could not open the study storage after", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1, 30);
    }

    [Theory]
    [InlineData("postgresql://ann:s%40cret@db.example:6543/studies?sslmode=require", "Host=db.example;Port=6543;Username=ann;Password=s@cret;Database=studies;SSL Mode=Require")]
    [InlineData("postgres://db.example/studies", "Host=db.example;Database=studies")]
    public void A_postgresql_uri_becomes_a_connection_string(string uri, string expected)
    {
        Assert.True(PostgresConnectionString.IsPostgres(uri));
        Assert.Equal(new NpgsqlConnectionStringBuilder(expected).ConnectionString, PostgresConnectionString.Normalize(uri));
    }

    [Theory]
    [InlineData("Host=localhost;Database=x", true)]
    [InlineData("server=db;database=x", true)]
    [InlineData("study.db", false)]
    [InlineData("Data Source=study.db", false)]
    public void Storage_strings_are_told_apart(string storage, bool postgres) => Assert.Equal(postgres, PostgresConnectionString.IsPostgres(storage));

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
