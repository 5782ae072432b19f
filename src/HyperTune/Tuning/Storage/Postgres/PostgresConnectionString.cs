using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Npgsql;

namespace HyperTune.Tuning;

/// <summary>
/// Tells a PostgreSQL connection string from a SQLite one, and turns the URI form
/// (<c>postgresql://user:password@host:port/database?sslmode=require</c>) into Npgsql's key-value form.
/// </summary>
internal static class PostgresConnectionString
{
    private static readonly string[] s_keys = { "host", "server" };

    /// <summary>Whether <see cref="TuneOptions.Storage"/> names a PostgreSQL database.</summary>
    /// <param name="storage">The option's value.</param>
    /// <returns><see langword="true"/> for a <c>postgresql://</c> or <c>postgres://</c> URI, or a key-value string with a Host.</returns>
    public static bool IsPostgres(string storage)
    {
        string text = storage.Trim();
        if (text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return text.Split(';').Select(part => part.Split('=', 2)[0].Trim()).Any(key => s_keys.Contains(key, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The Npgsql connection string of a storage option.</summary>
    /// <param name="storage">A URI or a key-value connection string.</param>
    /// <returns>The key-value form.</returns>
    /// <exception cref="ArgumentException">A URI that cannot be read; the message says which part.</exception>
    public static string Normalize(string storage)
    {
        string text = storage.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            return new NpgsqlConnectionStringBuilder(text).ConnectionString;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new ArgumentException($"'{Redact(text)}' is not a PostgreSQL URI of the form postgresql://user:password@host:port/database.", nameof(storage));
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            string[] user = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(user[0]);
            if (user.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(user[1]);
            }
        }

        string database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            builder.Database = Uri.UnescapeDataString(database);
        }

        foreach (var (key, value) in Query(uri.Query))
        {
            builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
        }

        return builder.ConnectionString;
    }

    /// <summary>A connection string without its password, for messages.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>Host, port, database and user.</returns>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return string.Create(CultureInfo.InvariantCulture, $"{builder.Host}:{builder.Port}/{builder.Database} as {builder.Username}");
    }

    private static IEnumerable<(string Key, string Value)> Query(string query)
    {
        foreach (string pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = pair.Split('=', 2);
            yield return (Uri.UnescapeDataString(parts[0]), parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
        }
    }

    private static string Redact(string text)
    {
        int at = text.IndexOf('@', StringComparison.Ordinal);
        int scheme = text.IndexOf("://", StringComparison.Ordinal);
        return at > scheme && scheme >= 0 ? text[..(scheme + 3)] + "***" + text[at..] : text;
    }
}
