using HyperTune.Analyzers.Dimensions;
using HyperTune.CodeFixes.Fixes;
using Verify = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Dimensions.BatchSizeAnalyzer>;
using RemoveFix = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Dimensions.BatchSizeAnalyzer, HyperTune.CodeFixes.Fixes.RemoveCandidateCodeFixProvider>;
using ClampFix = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Dimensions.BatchSizeAnalyzer, HyperTune.CodeFixes.Fixes.ReplaceValueCodeFixProvider>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>HT0001 (above the limit), HT0020 (1 is SGD), HT0026 (below 1).</summary>
public class BatchSizeTests
{
    [Fact]
    public Task HT0001_fires_at_each_candidate_above_256() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [BatchSize(32, 256, {|HT0001:512|}, {|HT0001:1024|})]
            public int BatchSize { get; set; }
        }
        """);

    [Fact]
    public Task HT0001_message_names_the_value_and_the_limit() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [BatchSize(64, {|#0:512|})]
            public int BatchSize { get; set; }
        }
        """,
        Verify.Diagnostic(Diagnostics.DiagnosticDescriptors.BatchSizeTooLarge).WithLocation(0).WithArguments("512", "256"));

    [Fact]
    public Task HT0001_fires_inside_an_explicit_array_and_a_collection_expression() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [BatchSize(new[] { 32, {|HT0001:300|} })]
            public int BatchSize { get; set; }
        }
        public partial class Other
        {
            [BatchSize([64, {|HT0001:4096|}])]
            public int BatchSize { get; set; }
        }
        """);

    [Fact]
    public Task HT0001_does_not_fire_at_the_limit_or_below() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [BatchSize(32, 64, 128, 256)]
            public int BatchSize { get; set; }
        }
        """);

    [Fact]
    public Task HT0001_fix_removes_the_candidates_above_the_limit_and_fix_all_removes_them_together() => RemoveFix.VerifyFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [BatchSize(32, 256, {|HT0001:512|}, {|HT0001:1024|})]
            public int BatchSize { get; set; }
        }
        """, """
        using HyperTune;
        public partial class Config
        {
            [BatchSize(32, 256)]
            public int BatchSize { get; set; }
        }
        """);

    [Fact]
    public Task HT0001_fix_clamps_to_the_limit_when_the_limit_is_not_listed() => ClampFix.VerifyFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [BatchSize(64, {|HT0001:512|})]
            public int BatchSize { get; set; }
        }
        """, """
        using HyperTune;
        public partial class Config
        {
            [BatchSize(64, 256)]
            public int BatchSize { get; set; }
        }
        """);

    [Fact]
    public Task HT0001_offers_no_removal_when_no_candidate_would_remain() => RemoveFix.VerifyNoFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [BatchSize({|HT0001:512|}, {|HT0001:1024|})]
            public int BatchSize { get; set; }
        }
        """);

    [Fact]
    public Task HT0001_offers_no_clamp_when_the_limit_is_already_a_candidate() => ClampFix.VerifyNoFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [BatchSize(256, {|HT0001:512|})]
            public int BatchSize { get; set; }
        }
        """);

    [Fact]
    public Task HT0020_fires_at_a_batch_size_of_1() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [BatchSize({|HT0020:1|}, 32)]
            public int BatchSize { get; set; }
        }
        public partial class GoodNeighbour
        {
            [BatchSize(2, 32)]
            public int BatchSize { get; set; }
        }
        """);

    [Fact]
    public Task HT0020_fix_removes_the_1() => RemoveFix.VerifyFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [BatchSize({|HT0020:1|}, 32, 64)]
            public int BatchSize { get; set; }
        }
        """, """
        using HyperTune;
        public partial class Config
        {
            [BatchSize(32, 64)]
            public int BatchSize { get; set; }
        }
        """);

    [Fact]
    public Task HT0026_fires_below_1_and_the_fix_removes_it() => RemoveFix.VerifyFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [BatchSize({|HT0026:0|}, {|HT0026:-8|}, 32)]
            public int BatchSize { get; set; }
        }
        """, """
        using HyperTune;
        public partial class Config
        {
            [BatchSize(32)]
            public int BatchSize { get; set; }
        }
        """);
}
