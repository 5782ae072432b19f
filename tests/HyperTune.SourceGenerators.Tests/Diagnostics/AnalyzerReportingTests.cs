using System.Globalization;
using HyperTune.SourceGenerators.Tests.Infrastructure;

namespace HyperTune.SourceGenerators.Tests.Diagnostics;

/// <summary>
/// The generator reports nothing about a config it rejects; ConfigAnalyzer, running the same
/// parser over the compilation that holds the generated code, reports it once, readably.
/// </summary>
public class AnalyzerReportingTests
{
    [Fact]
    public void HT0018_static_class_is_one_diagnostic()
    {
        // Not also HT0017 ("is abstract") and an HT0017 per static property.
        var diagnostic = DiagnosticAssert.Fires("HT0018", """
            using HyperTune;
            public static class [|Config|]
            {
                [LearningRate(0.1, 0.001, Scale.Log)] public static double LearningRate { get; set; }
                [BatchSize(32, 64)] public static int BatchSize { get; set; }
            }
            """);
        Assert.Contains("a static class has no instances to tune", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void HT0018_generic_class_that_is_not_partial_is_one_diagnostic() => DiagnosticAssert.Fires("HT0018", """
        using HyperTune;
        public class [|Config|]<T>
        {
            [Range(0.0, 1.0)] public double X { get; set; }
        }
        """);

    [Fact]
    public void HT0040_message_is_one_line_even_when_the_metric_holds_a_newline()
    {
        var diagnostic = DiagnosticAssert.Fires("HT0040", """
            using HyperTune;
            [[|ValidationMonitor(50, 200, Metric = "loss\nf1")|]]
            public partial class Config
            {
                [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; }
                [Epochs(10)] public int Epochs { get; set; }
            }
            """);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain('\r', message);
        Assert.Contains("[ValidationMonitor] Metric is \"loss\\nf1\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_SearchSpace_and_Train_are_not_clashes_in_the_analyzers_compilation()
    {
        var (generator, analyzer) = ConfigAnalyzerRunner.Run("""
            using HyperTune;
            [EarlyStopping(5)]
            public partial class Config
            {
                [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; }
                [BatchSize(32, 64)] public int BatchSize { get; set; } = 32;
                [Epochs(10)] public int Epochs { get; set; }
            }
            """);
        Assert.Empty(generator);
        Assert.Empty(analyzer);
    }

    [Fact]
    public void A_rejected_config_gets_no_source_and_its_neighbour_does()
    {
        var result = GeneratorRunner.Run("""
            using HyperTune;
            public partial class Broken
            {
                [Range(0.0, 1.0, Scale.Log)] public double X { get; set; }
            }
            """ + DiagnosticAssert.GoodNeighbour);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Equal(new[] { "GoodNeighbour.g.cs" }, result.Sources.Keys);
    }
}
