using Npgsql;

namespace HyperTune.Tests.Tuning.Postgres;

/// <summary>A database of its own for one test, on the configured server, dropped afterwards.</summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly string _admin;

    public PostgresDatabase()
    {
        _admin = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!;
        Name = "ht_" + Guid.NewGuid().ToString("N")[..16];
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {Name}", connection);
        command.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = Name, Pooling = true }.ConnectionString;
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>A connection string to it.</summary>
    public string ConnectionString { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
