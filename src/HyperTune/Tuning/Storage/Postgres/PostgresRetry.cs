using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using Npgsql;

namespace HyperTune.Tuning;

/// <summary>
/// Runs a storage operation, retrying with exponential back-off while the failure is transient (a
/// dropped connection, a server restarting, a serialisation conflict), and turning the failures that
/// retrying cannot mend (a wrong password, a missing database) into one clear error at once.
/// </summary>
internal sealed class PostgresRetry
{
    private readonly string _where;
    private readonly TimeSpan _budget;

    /// <summary>Creates a policy.</summary>
    /// <param name="where">The server, database and user, for messages (no password).</param>
    /// <param name="budget">How long to keep retrying one operation.</param>
    public PostgresRetry(string where, TimeSpan budget)
    {
        _where = where;
        _budget = budget;
    }

    /// <summary>Runs <paramref name="operation"/>, whose argument is the attempt, counted from 1.</summary>
    public T Run<T>(string what, Func<int, T> operation)
    {
        var started = DateTime.UtcNow;
        var delay = TimeSpan.FromMilliseconds(100);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return operation(attempt);
            }
            catch (PostgresException exception) when (IsFatal(exception.SqlState))
            {
                throw new InvalidOperationException($"PostgreSQL study storage at {_where}: {Explain(exception)}", exception);
            }
            catch (Exception exception) when (IsTransient(exception))
            {
                if (DateTime.UtcNow - started + delay > _budget)
                {
                    throw new IOException($"PostgreSQL study storage at {_where}: could not {what} after {attempt} attempt(s) over {(DateTime.UtcNow - started).TotalSeconds:0.#} s: {exception.Message}", exception);
                }

                Thread.Sleep(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    /// <summary>Runs an operation without a result.</summary>
    public void Run(string what, Action<int> operation) => Run(what, attempt =>
    {
        operation(attempt);
        return true;
    });

    private static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is "40001" or "40P01" or "57P01" or "57P02" or "57P03" or "53300" || postgres.IsTransient,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException or TimeoutException => true,
        _ => false,
    };

    private static bool IsFatal(string state) => state is "28P01" or "28000" or "3D000" or "42501";

    private static string Explain(PostgresException exception) => exception.SqlState switch
    {
        "28P01" or "28000" => "authentication failed: check the user name and password in the connection string.",
        "3D000" => $"the database does not exist ({exception.MessageText}): create it, or name another in the connection string.",
        "42501" => $"permission denied ({exception.MessageText}): the user needs to create tables in the database.",
        _ => exception.MessageText,
    };
}
