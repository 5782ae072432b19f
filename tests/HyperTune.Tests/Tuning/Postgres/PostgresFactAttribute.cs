namespace HyperTune.Tests.Tuning.Postgres;

/// <summary>
/// A test that needs a real PostgreSQL server: it runs when HYPERTUNE_TEST_POSTGRES holds a connection
/// string (CI always sets it: .ci/run starts a throw-away server with eng/start-postgres.sh) and is
/// skipped, saying so, when it does not.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>The environment variable that names the test server.</summary>
    public const string Variable = "HYPERTUNE_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"No PostgreSQL server configured: set {Variable} to a connection string (eval \"$(eng/start-postgres.sh)\" starts one).";
        }
    }
}
