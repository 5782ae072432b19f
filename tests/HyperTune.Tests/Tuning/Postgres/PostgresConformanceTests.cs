using HyperTune.Tests.Tuning.Storage;
using HyperTune.Tuning;

namespace HyperTune.Tests.Tuning.Postgres;

/// <summary>
/// The storage conformance suite on a real PostgreSQL server, each test in a database of its own;
/// skipped, saying why, when no server is configured (CI always configures one).
/// </summary>
public sealed class PostgresConformanceTests : StudyStorageConformanceTests, IDisposable
{
    private readonly List<PostgresDatabase> _databases = new();

    private protected override IStudyStorage CreateStorage()
    {
        Skip.If(string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)), $"No PostgreSQL server configured: set {PostgresFactAttribute.Variable}.");
        var database = new PostgresDatabase();
        _databases.Add(database);
        return new PostgresStudyStorage(database.ConnectionString);
    }

    public void Dispose() => _databases.ForEach(d => d.Dispose());
}
