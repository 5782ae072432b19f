using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HyperTune.SourceGenerators.Tests.Infrastructure;

/// <summary>
/// Asserts that <c>ConfigAnalyzer</c> (which runs the generator's parser) reports one diagnostic at
/// the span marked <c>[|…|]</c> in a source, at a real source location; that the generator itself
/// reports nothing; and that a valid config in the same source (its "good neighbour") still gets
/// its search space.
/// </summary>
internal static class DiagnosticAssert
{
    public const string GoodNeighbour = """

        public partial class GoodNeighbour
        {
            [HyperTune.Range(0.0, 1.0)]
            public double X { get; set; }
        }
        """;

    public static Diagnostic Fires(string id, string markedSource)
    {
        int start = markedSource.IndexOf("[|", StringComparison.Ordinal);
        int end = markedSource.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "Mark the expected span with [| |].");
        string source = markedSource.Remove(end, 2).Remove(start, 2) + GoodNeighbour;
        var expected = new TextSpan(start, end - start - 2);

        var result = GeneratorRunner.Run(source);
        Assert.Empty(result.GeneratorDiagnostics);
        var diagnostic = Assert.Single(ConfigAnalyzerRunner.Run(source).Analyzer);
        Assert.Equal(id, diagnostic.Id);
        Assert.True(diagnostic.Location.IsInSource, $"{id} is not at a source location: {diagnostic.Location}");
        Assert.Equal("Source0.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(source.Substring(expected.Start, expected.Length), source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Equal(expected, diagnostic.Location.SourceSpan);
        Assert.Contains("GoodNeighbour.g.cs", result.Sources.Keys);
        return diagnostic;
    }
}
