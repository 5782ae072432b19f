using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HyperTune.Roslyn;

/// <summary>
/// A source location as plain data (file path and spans), so that it can travel through cached
/// pipeline steps; <see cref="Location"/> holds a syntax tree and must not.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());
}
