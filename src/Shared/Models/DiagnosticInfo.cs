using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace HyperTune.Roslyn;

/// <summary>
/// A problem the config parser found: the descriptor, the message arguments and where in source it
/// lies. The parser is one piece of code with two consumers. The generator only asks whether a
/// config has an error (then it emits nothing for it) and drops these; the analyzer
/// (<c>ConfigAnalyzer</c>) reports them at their real source locations, where <c>.editorconfig</c>
/// severities and <c>#pragma warning disable</c> apply. It holds a <see cref="Location"/>, so it
/// must never travel through a cached pipeline step.
/// </summary>
internal sealed class DiagnosticInfo
{
    private DiagnosticInfo(DiagnosticDescriptor descriptor, Location? location, ImmutableArray<string> arguments)
    {
        Descriptor = descriptor;
        Location = location;
        Arguments = arguments;
    }

    /// <summary>What the problem is.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Where it lies in source, or <see langword="null"/> when it has no source (metadata).</summary>
    public Location? Location { get; }

    /// <summary>The message arguments.</summary>
    public ImmutableArray<string> Arguments { get; }

    /// <summary>Whether the problem keeps the generator from emitting the config.</summary>
    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor, location, arguments.ToImmutableArray());

    /// <summary>
    /// The diagnostic to report, at <paramref name="fallback"/> when the problem has no source
    /// location of its own. Control characters in the arguments (a <c>Metric</c> string with a
    /// newline, say) are written as C# escapes: a message is one line.
    /// </summary>
    public Diagnostic ToDiagnostic(Location fallback, ImmutableDictionary<string, string?>? properties = null) =>
        Diagnostic.Create(
            Descriptor,
            Location is { IsInSource: true } ? Location : fallback,
            properties,
            Arguments.Select(static argument => (object?)OneLine(argument)).ToArray());

    /// <summary><paramref name="text"/> with every control character written as its C# escape.</summary>
    public static string OneLine(string text)
    {
        int first = 0;
        while (first < text.Length && !char.IsControl(text[first]))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
