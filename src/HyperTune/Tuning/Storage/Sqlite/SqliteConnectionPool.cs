using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Data.Sqlite;

namespace HyperTune.Tuning;

/// <summary>
/// The storage's connections: opened and configured once (busy timeout, <c>synchronous</c>, foreign keys),
/// then lent for one operation at a time, each with its prepared commands. Writers of this process queue
/// on an in-process gate before <c>BEGIN IMMEDIATE</c>, so SQLite's busy handler (which sleeps) is only
/// ever needed against other processes; readers run in parallel on their own connections (WAL).
/// </summary>
internal sealed class SqliteConnectionPool : IDisposable
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly SemaphoreSlim _available;
    private readonly Stack<PooledSqliteConnection> _idle = new();
    private readonly object _writeGate = new();
    private bool _disposed;

    /// <summary>Creates a pool; nothing is opened yet.</summary>
    /// <param name="connectionString">The connection string (from <see cref="SqliteStorageLocation.ToConnectionString"/>).</param>
    /// <param name="maxConnections">How many connections may be open at once; 1 makes it one connection behind a lock.</param>
    public SqliteConnectionPool(string connectionString, int maxConnections)
    {
        if (maxConnections < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxConnections), maxConnections, "The pool needs at least one connection.");
        }

        _connectionString = connectionString;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        _busyTimeoutMilliseconds = (int)Math.Min(int.MaxValue, Math.Max(1, builder.DefaultTimeout) * 1000L);
        _available = new SemaphoreSlim(maxConnections, maxConnections);
        DataSource = builder.DataSource;
    }

    /// <summary>The file, for messages.</summary>
    public string DataSource { get; }

    /// <summary>Lends a connection for reading (no transaction is opened).</summary>
    /// <returns>The lease; dispose it to give the connection back.</returns>
    public Lease Rent()
    {
        _available.Wait();
        try
        {
            return new Lease(this, Take(), writing: false);
        }
        catch
        {
            _available.Release();
            throw;
        }
    }

    /// <summary>
    /// Lends a connection inside <c>BEGIN IMMEDIATE</c>: this process's other writers wait on the gate,
    /// other processes on SQLite's write lock (busy timeout). Commit with <see cref="Lease.Commit"/>;
    /// a lease disposed without it rolls back.
    /// </summary>
    /// <returns>The lease.</returns>
    public Lease BeginWrite()
    {
        Monitor.Enter(_writeGate);
        try
        {
            _available.Wait();
            PooledSqliteConnection connection;
            try
            {
                connection = Take();
            }
            catch
            {
                _available.Release();
                throw;
            }

            var lease = new Lease(this, connection, writing: true);
            try
            {
                connection.Execute("BEGIN IMMEDIATE");
            }
            catch
            {
                lease.Dispose();
                throw;
            }

            return lease;
        }
        catch
        {
            if (Monitor.IsEntered(_writeGate))
            {
                Monitor.Exit(_writeGate);
            }

            throw;
        }
    }

    /// <summary>Lends a connection inside a deferred (read) transaction: every statement sees one snapshot.</summary>
    /// <returns>The lease; dispose it to end the transaction.</returns>
    public Lease BeginRead()
    {
        var lease = Rent();
        try
        {
            lease.Connection.Execute("BEGIN DEFERRED");
            lease.InTransaction = true;
        }
        catch
        {
            lease.Dispose();
            throw;
        }

        return lease;
    }

    private PooledSqliteConnection Take()
    {
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.Count > 0)
            {
                return _idle.Pop();
            }
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            var pooled = new PooledSqliteConnection(connection);

            // NORMAL in WAL mode: a commit is in the WAL (the operating system's cache) before it returns,
            // so killing the process loses nothing committed; only a power loss or an operating-system crash
            // can lose the last commits (never corrupt the file). FULL would sync the WAL on every commit.
            pooled.Execute($"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}");
            pooled.Execute("PRAGMA synchronous = NORMAL");
            pooled.Execute("PRAGMA foreign_keys = ON");
            return pooled;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Return(PooledSqliteConnection connection, bool writing, bool inTransaction)
    {
        bool healthy = connection.Connection.State == System.Data.ConnectionState.Open;
        if (healthy && (inTransaction || writing))
        {
            try
            {
                // A lease disposed without Commit rolls back; a read transaction just ends.
                if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Connection.Handle) == 0)
                {
                    connection.Execute("ROLLBACK");
                }
            }
            catch (SqliteException)
            {
                healthy = false;
            }
        }

        try
        {
            lock (_idle)
            {
                if (healthy && !_disposed)
                {
                    _idle.Push(connection);
                    connection = null!;
                }
            }

            connection?.Dispose();
        }
        finally
        {
            _available.Release();
            if (writing)
            {
                Monitor.Exit(_writeGate);
            }
        }
    }

    /// <summary>Closes every idle connection; connections still lent are closed when they come back.</summary>
    public void Dispose()
    {
        PooledSqliteConnection[] idle;
        lock (_idle)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            idle = _idle.ToArray();
            _idle.Clear();
        }

        foreach (var connection in idle)
        {
            connection.Dispose();
        }
    }

    /// <summary>One lent connection. Dispose it on the thread that rented it.</summary>
    internal sealed class Lease : IDisposable
    {
        private readonly SqliteConnectionPool _pool;
        private readonly bool _writing;
        private PooledSqliteConnection? _connection;

        internal Lease(SqliteConnectionPool pool, PooledSqliteConnection connection, bool writing)
        {
            _pool = pool;
            _connection = connection;
            _writing = writing;
            InTransaction = writing;
        }

        /// <summary>The connection.</summary>
        public PooledSqliteConnection Connection => _connection ?? throw new ObjectDisposedException(nameof(Lease));

        internal bool InTransaction { get; set; }

        /// <summary>Commits the write transaction.</summary>
        public void Commit()
        {
            Connection.Execute("COMMIT");
            InTransaction = false;
        }

        /// <summary>Gives the connection back (rolling back what was not committed).</summary>
        public void Dispose()
        {
            var connection = _connection;
            if (connection is null)
            {
                return;
            }

            _connection = null;
            _pool.Return(connection, _writing, InTransaction);
        }
    }
}

/// <summary>A configured connection with its prepared commands, one per SQL text.</summary>
internal sealed class PooledSqliteConnection : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>Wraps an open connection.</summary>
    /// <param name="connection">The connection.</param>
    public PooledSqliteConnection(SqliteConnection connection) => Connection = connection;

    /// <summary>The connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>
    /// The command for <paramref name="sql"/>, prepared once per connection and reused, its parameters
    /// cleared: the caller adds them.
    /// </summary>
    /// <param name="sql">The SQL text (a constant: the cache is keyed by it).</param>
    /// <returns>The command.</returns>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        else
        {
            command.Parameters.Clear();
        }

        return command;
    }

    /// <summary>Runs a statement without parameters.</summary>
    /// <param name="sql">The SQL text.</param>
    /// <returns>The rows changed.</returns>
    public int Execute(string sql) => Command(sql).ExecuteNonQuery();

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        Connection.Dispose();
    }
}
