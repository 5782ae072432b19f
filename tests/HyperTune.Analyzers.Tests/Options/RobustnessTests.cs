using System.Collections.Immutable;
using HyperTune.Analyzers.Infrastructure;
using HyperTune.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Tests.Options;

/// <summary>Half-typed and malformed attributes (what the IDE sees between keystrokes) never crash an analyzer.</summary>
public class RobustnessTests
{
    [Theory]
    [InlineData("[BatchSize()] public int A { get; set; }")]
    [InlineData("[BatchSize(] public int A { get; set; }")]
    [InlineData("[BatchSize(\"x\", 1024)] public int A { get; set; }")]
    [InlineData("[BatchSize(null)] public int A { get; set; }")]
    [InlineData("[LearningRate(0.1)] public double A { get; set; }")]
    [InlineData("[LearningRate(\"a\", \"b\")] public double A { get; set; }")]
    [InlineData("[LearningRate(double.PositiveInfinity, double.NegativeInfinity, (Scale)7)] public double A { get; set; }")]
    [InlineData("[HiddenLayers(int.MaxValue, int.MinValue)] public int A { get; set; }")]
    [InlineData("[HiddenLayers(new int[0])] public int A { get; set; }")]
    [InlineData("[Choice(null, null)] public object? A { get; set; }")]
    [InlineData("[Choice(new object[] { 1, \"1\" }, 2)] public object? A { get; set; }")]
    [InlineData("[Momentum(double.NaN, 1)] [ActiveWhen(null)] public double A { get; set; }")]
    [InlineData("[Dropout(0, 1)] [ActiveWhen(nameof(A), 1)] public double A { get; set; }")]
    [InlineData("[Range(long.MinValue, long.MaxValue)] public long A { get; set; } [Range(0, 1)] [ActiveWhen(nameof(B), 1)] public int B { get; set; }")]
    [InlineData("[Epochs(-5)] public int A { get; set; }")]
    public async Task No_analyzer_throws(string members)
    {
        var source = $$"""
            #nullable enable
            using System.Collections.Generic;
            using HyperTune;
            [EarlyStopping(int.MinValue, StartFromEpoch = int.MaxValue)]
            [LearningRateDecay((DecayKind)99, StepSize = 0, Gamma = double.NaN, Milestones = null, Patience = int.MaxValue)]
            [ValidationMonitor(0, -1)]
            [StopAtStep(long.MinValue)]
            public partial class Config
            {
                {{members}}
                public void Train(int x) { }
                public static class SearchSpace { public static IEnumerable<Config> Grid(int p = 5) => new Config[0]; }
                public static void Use() { new Config().Train(1); SearchSpace.Grid(int.MaxValue); SearchSpace.Grid(-1); }
            }
            """;
        var compilation = CSharpCompilation.Create(
            "Robustness",
            new[] { CSharpSyntaxTree.ParseText(source) },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = typeof(HyperTuneAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false);

        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
