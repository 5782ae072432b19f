using System.Linq;
using Microsoft.CodeAnalysis;

namespace HyperTune.Roslyn;

/// <summary>
/// A diagnostic as plain, value-equatable data: the descriptor, the message arguments as strings
/// and where it points. <see cref="Diagnostic"/> itself compares by reference and holds a syntax
/// tree, so it must not live in a cached pipeline step; it is rebuilt when reported.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor, LocationInfo.From(location), arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), Arguments.Select(static argument => (object?)argument).ToArray());
}
