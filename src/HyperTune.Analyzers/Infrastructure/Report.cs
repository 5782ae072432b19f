using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace HyperTune.Analyzers.Infrastructure;

/// <summary>Builds the property bag that tells a code fix what to write.</summary>
internal static class Report
{
    public static ImmutableDictionary<string, string?> Properties(params (string Key, string? Value)[] entries)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                builder[key] = value;
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>A diagnostic at <paramref name="location"/> with fix properties.</summary>
    public static Diagnostic Create(
        DiagnosticDescriptor descriptor,
        Location location,
        ImmutableDictionary<string, string?> properties,
        params object?[] messageArgs) =>
        Diagnostic.Create(descriptor, location, properties, messageArgs);
}
