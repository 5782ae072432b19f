using HyperTune.SourceGenerators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace HyperTune.SourceGenerators.Tests.Diagnostics;

/// <summary>
/// The generator and the analyzer that shares its parser never throw: every half-typed variant of
/// a config still runs both cleanly.
/// </summary>
public class RobustnessTests
{
    private const string Config = """
        using HyperTune;
        namespace App;
        public partial class Config
        {
            [LearningRate(0.1, 0.00001, Scale.Log)] public double LearningRate { get; set; }
            [HiddenUnits(16, 32, 64)] public int HiddenUnits { get; set; } = 16;
            [Optimizer(OptimizerKind.Sgd, OptimizerKind.Momentum)] public OptimizerKind Optimizer { get; set; }
            [Momentum(0.5, 0.99), ActiveWhen(nameof(Optimizer), OptimizerKind.Momentum)] public double Momentum { get; set; }
            [Choice("a", "b")] public string Name { get; set; } = "a";
            [Epochs(10)] public int Epochs { get; set; }
        }
        """;

    [Fact]
    public void Removing_any_single_token_never_crashes_the_generator()
    {
        var tokens = CSharpSyntaxTree.ParseText(Config).GetRoot().DescendantTokens().ToList();
        foreach (var token in tokens)
        {
            string mutated = Config.Remove(token.SpanStart, token.Span.Length);

            // GeneratorRunner asserts that the run recorded no exception.
            var result = GeneratorRunner.Run(mutated);
            Assert.Empty(result.GeneratorDiagnostics);

            // An analyzer that throws is reported as AD0001; a parser that throws, as HT0019.
            var (_, analyzer) = ConfigAnalyzerRunner.Run(mutated);
            Assert.DoesNotContain(analyzer, static d => d.Id is "HT0019" or "AD0001");
        }
    }
}
