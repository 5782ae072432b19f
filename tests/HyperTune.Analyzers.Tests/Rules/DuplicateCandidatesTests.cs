using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Tests.Verifiers;
using Verify = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Dimensions.DuplicateCandidatesAnalyzer>;
using Fix = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Dimensions.DuplicateCandidatesAnalyzer, HyperTune.CodeFixes.Fixes.RemoveCandidateCodeFixProvider>;
using FixCandidates = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Configs.ConfigAnalyzer, HyperTune.CodeFixes.Fixes.RemoveCandidateCodeFixProvider>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>
/// HT0023: a value listed twice in <c>[ActiveWhen]</c>. A candidate listed twice in a dimension's
/// list is HT0014 (the generator cannot encode it), reported once, with the same fix.
/// </summary>
public class DuplicateCandidatesTests
{
    private const string EveryKindOfList = """
        using HyperTune;
        public partial class Config
        {
            [BatchSize(32, 64, [|32|])]
            public int BatchSize { get; set; }

            [Optimizer(OptimizerKind.Adam, OptimizerKind.Momentum, [|OptimizerKind.Adam|])]
            public OptimizerKind Optimizer { get; set; }

            [Choice("relu", "tanh", [|"relu"|])]
            public string Activation { get; set; } = "relu";

            [HiddenUnits(64, 128, [|64|])]
            public int HiddenUnits { get; set; }

            [Choice(OptimizerKind.Sgd, OptimizerKind.Momentum)]
            public OptimizerKind Solver { get; set; }

            [Momentum(0.5, 0.99)]
            [ActiveWhen(nameof(Solver), OptimizerKind.Momentum, {|#4:OptimizerKind.Momentum|})]
            public double Momentum { get; set; }
        }
        """;

    [Fact]
    public Task Fires_at_each_repetition_of_an_ActiveWhen_value_only() => Verify.VerifyAsync(
        EveryKindOfList.Replace("[|", string.Empty, StringComparison.Ordinal).Replace("|]", string.Empty, StringComparison.Ordinal),
        Verify.Diagnostic(DiagnosticDescriptors.DuplicateCandidate).WithLocation(4).WithArguments("OptimizerKind.Momentum"));

    [Fact]
    public async Task A_repeated_candidate_of_a_dimension_gets_one_diagnostic_HT0014_not_HT0023_as_well()
    {
        var diagnostics = await AllAnalyzers.RunAsync(EveryKindOfList);
        var spans = diagnostics.GroupBy(static d => d.Location.SourceSpan).ToList();
        Assert.All(spans, static span => Assert.Single(span));
        Assert.Equal(
            new[] { "HT0014", "HT0014", "HT0014", "HT0014", "HT0023" },
            diagnostics.Select(static d => d.Id));
    }

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
    public Task Fix_removes_a_repeated_ActiveWhen_value() => Fix.VerifyFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [Choice(1, 2, 3)]
            public int Mode { get; set; } = 1;

            [Range(0.0, 1.0), ActiveWhen(nameof(Mode), 2, {|HT0023:2|}, 3)]
            public double X { get; set; }
        }
        """, """
        using HyperTune;
        public partial class Config
        {
            [Choice(1, 2, 3)]
            public int Mode { get; set; } = 1;

            [Range(0.0, 1.0), ActiveWhen(nameof(Mode), 2, 3)]
            public double X { get; set; }
        }
        """);

    [Fact]
    public Task Fix_all_removes_adjacent_repeated_candidates_together() => FixCandidates.VerifyFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [BatchSize(32, {|HT0014:32|}, {|HT0014:32|}, 64)]
            public int BatchSize { get; set; }

            [Choice("relu", "tanh", {|HT0014:"relu"|})]
            public string Activation { get; set; } = "relu";

            [Choice(1.0, {|HT0014:double.NaN|})]
            public double Scale { get; set; } = 1.0;
        }
        """, """
        using HyperTune;
        public partial class Config
        {
            [BatchSize(32, 64)]
            public int BatchSize { get; set; }

            [Choice("relu", "tanh")]
            public string Activation { get; set; } = "relu";

            [Choice(1.0)]
            public double Scale { get; set; } = 1.0;
        }
        """);

    [Fact]
    public Task No_removal_of_the_only_candidate() => FixCandidates.VerifyNoFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [Choice({|HT0014:double.NaN|})]
            public double Scale { get; set; } = 1.0;
        }
        """);
}
