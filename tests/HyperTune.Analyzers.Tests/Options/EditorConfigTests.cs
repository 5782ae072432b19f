using HyperTune.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using BatchSize = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Dimensions.BatchSizeAnalyzer>;
using GridSize = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Grid.GridSizeAnalyzer>;
using HiddenLayers = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Dimensions.HiddenLayersAnalyzer>;
using Decay = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Training.DecayScheduleAnalyzer>;

namespace HyperTune.Analyzers.Tests.Options;

/// <summary>The <c>.editorconfig</c> thresholds and the standard severity configuration.</summary>
public class EditorConfigTests
{
    private const string BatchSizes = """
        using HyperTune;
        public partial class Config
        {
            [BatchSize(256, 512, {|#0:1024|})]
            public int BatchSize { get; set; }
        }
        """;

    [Fact]
    public Task Max_batch_size_raises_the_HT0001_limit() => BatchSize.VerifyAsync(BatchSizes, "hypertune.max_batch_size = 512",
        BatchSize.Diagnostic(DiagnosticDescriptors.BatchSizeTooLarge).WithLocation(0).WithArguments("1024", "512"));

    [Fact]
    public Task A_malformed_max_batch_size_falls_back_to_256() => BatchSize.VerifyAsync(BatchSizes.Replace("512,", "{|#1:512|},"), "hypertune.max_batch_size = lots",
        BatchSize.Diagnostic(DiagnosticDescriptors.BatchSizeTooLarge).WithLocation(1).WithArguments("512", "256"),
        BatchSize.Diagnostic(DiagnosticDescriptors.BatchSizeTooLarge).WithLocation(0).WithArguments("1024", "256"));

    [Fact]
    public Task Severity_none_silences_the_rule() => BatchSize.VerifyAsync(BatchSizes.Replace("{|#0:1024|}", "1024"), "dotnet_diagnostic.HT0001.severity = none");

    [Fact]
    public Task Max_grid_points_raises_the_HT0007_limit() => GridSize.VerifyAsync("""
        using System.Collections.Generic;
        using HyperTune;
        public partial class Config
        {
            [LearningRate(0.1, 0.0001, Scale.Log)] public double A { get; set; }
            [Momentum(0.5, 0.99)] public double B { get; set; }
            [Dropout(0.0, 0.5)] public double C { get; set; }

            public static class SearchSpace
            {
                public static IEnumerable<Config> Grid(int pointsPerRange = 5) => new Config[0];
            }
        }
        public static class Tuning
        {
            public static void Run()
            {
                Config.SearchSpace.Grid(10);
                {|#0:Config.SearchSpace.Grid(11)|};
            }
        }
        """, "hypertune.max_grid_points = 1000",
        GridSize.Diagnostic(DiagnosticDescriptors.GridTooLarge).WithLocation(0).WithArguments("Config", "1331", "11", "1000"));

    [Fact]
    public Task Max_hidden_layers_raises_the_HT0006_limit() => HiddenLayers.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [HiddenLayers(1, 2, 5, {|#0:6|})]
            public int HiddenLayers { get; set; }
        }
        """, "hypertune.max_hidden_layers = 5",
        HiddenLayers.Diagnostic(DiagnosticDescriptors.TooManyHiddenLayers).WithLocation(0).WithArguments("6", "5"));

    [Fact]
    public Task Min_decay_factor_sets_the_HT0024_floor() => Decay.VerifyAsync("""
        using HyperTune;
        [LearningRateDecay(DecayKind.Step, StepSize = 30, Gamma = {|#0:0.1|})]
        public partial class Config
        {
            [Epochs(100)]
            public int Epochs { get; set; }

            [Optimizer(OptimizerKind.Adam)]
            public OptimizerKind Optimizer { get; set; }
        }
        """, "hypertune.min_decay_factor = 0.01",
        Decay.Diagnostic(DiagnosticDescriptors.AdaptiveOptimizerDecayedToNothing).WithLocation(0)
            .WithArguments("Step", "0.001", "epoch 99", "0.01", "Adam"));
}
