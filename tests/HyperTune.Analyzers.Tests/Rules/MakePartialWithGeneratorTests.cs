using HyperTune.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>
/// HT0008 as a build reports it: from ConfigAnalyzer, never from the generator, on the name of a
/// type declaration that is not partial, which is what the fix rewrites (the type and its containers).
/// </summary>
public class MakePartialWithGeneratorTests
{
    [Theory]
    [InlineData("""
        using HyperTune;
        public class Config
        {
            [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
        }
        """)]
    [InlineData("""
        using HyperTune;
        public static class Outer
        {
            public class First
            {
                [BatchSize(32, 64)] public int BatchSize { get; set; }
            }

            public partial record struct Second
            {
                [Epochs(10)] public int Epochs { get; set; }
            }
        }
        """)]
    public async Task HT0008_sits_on_the_names_the_fix_rewrites_and_the_generator_reports_nothing(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Config",
            new[] { CSharpSyntaxTree.ParseText(source, path: "Config.cs") },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        CSharpGeneratorDriver.Create(new SourceGenerators.ConfigGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out _, out var generated);
        Assert.Empty(generated);

        var reported = Spans(await AllAnalyzers.RunAsync(source));
        var nonPartialNames = compilation.SyntaxTrees.Single().GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>()
            .Where(static t => !t.Modifiers.Any(SyntaxKind.PartialKeyword))
            .Select(static t => t.Identifier.Span.ToString())
            .ToHashSet();

        Assert.NotEmpty(reported);
        Assert.All(reported, span => Assert.Contains(span, nonPartialNames));
    }

    private static string[] Spans(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .Where(static d => d.Id == "HT0008")
        .Select(static d => d.Location.SourceSpan.ToString())
        .Distinct()
        .OrderBy(static s => s, StringComparer.Ordinal)
        .ToArray();
}
