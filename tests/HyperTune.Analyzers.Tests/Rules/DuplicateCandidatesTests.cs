using HyperTune.Analyzers.Diagnostics;
using Verify = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Dimensions.DuplicateCandidatesAnalyzer>;
using Fix = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Dimensions.DuplicateCandidatesAnalyzer, HyperTune.CodeFixes.Fixes.RemoveCandidateCodeFixProvider>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>HT0023: a candidate listed twice.</summary>
public class DuplicateCandidatesTests
{
    [Fact]
    public Task Fires_at_each_repetition_in_every_kind_of_candidate_list() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [BatchSize(32, 64, {|#0:32|})]
            public int BatchSize { get; set; }

            [Optimizer(OptimizerKind.Adam, OptimizerKind.Momentum, {|#1:OptimizerKind.Adam|})]
            public OptimizerKind Optimizer { get; set; }

            [Choice("relu", "tanh", {|#2:"relu"|})]
            public string Activation { get; set; } = "relu";

            [HiddenUnits(64, 128, {|#3:64|})]
            public int HiddenUnits { get; set; }

            [Momentum(0.5, 0.99)]
            [ActiveWhen(nameof(Optimizer), OptimizerKind.Momentum, {|#4:OptimizerKind.Momentum|})]
            public double Momentum { get; set; }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.DuplicateCandidate).WithLocation(0).WithArguments("32"),
        Verify.Diagnostic(DiagnosticDescriptors.DuplicateCandidate).WithLocation(1).WithArguments("OptimizerKind.Adam"),
        Verify.Diagnostic(DiagnosticDescriptors.DuplicateCandidate).WithLocation(2).WithArguments("\"relu\""),
        Verify.Diagnostic(DiagnosticDescriptors.DuplicateCandidate).WithLocation(3).WithArguments("64"),
        Verify.Diagnostic(DiagnosticDescriptors.DuplicateCandidate).WithLocation(4).WithArguments("OptimizerKind.Momentum"));

    [Fact]
    public Task Does_not_fire_on_distinct_candidates_or_on_a_range() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [BatchSize(32, 64, 128)]
            public int BatchSize { get; set; }

            [HiddenLayers(2, 2)]
            public int HiddenLayers { get; set; }

            [Choice(1, 1.5, "1")]
            public object Mixed { get; set; } = 1;
        }
        """);

    [Fact]
    public Task Fix_all_removes_adjacent_repetitions_together() => Fix.VerifyFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [BatchSize(32, {|HT0023:32|}, {|HT0023:32|}, 64)]
            public int BatchSize { get; set; }

            [Choice("relu", "tanh", {|HT0023:"relu"|})]
            public string Activation { get; set; } = "relu";
        }
        """, """
        using HyperTune;
        public partial class Config
        {
            [BatchSize(32, 64)]
            public int BatchSize { get; set; }

            [Choice("relu", "tanh")]
            public string Activation { get; set; } = "relu";
        }
        """);
}
