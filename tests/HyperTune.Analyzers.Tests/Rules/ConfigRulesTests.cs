using HyperTune.Analyzers.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Roles = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Configs.TrainingRolesAnalyzer>;
using PolicyRules = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Configs.PolicyValuesAnalyzer>;
using Names = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Configs.GeneratedNamesAnalyzer>;
using Reach = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Training.EarlyStoppingReachAnalyzer>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>Issue 10's new compile-time errors, reported by analyzers at the source: HT0027–HT0031.</summary>
public class ConfigRulesTests
{
    [Fact]
    public Task HT0027_two_learning_rate_properties() => Roles.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [LearningRate(0.1, 0.001)] public double A { get; set; }
            [{|#0:LearningRate(0.1, 0.001)|}] public double B { get; set; }
            [Epochs(10)] public int Epochs { get; set; }
        }
        """,
        Roles.Diagnostic(Diagnostics.DiagnosticDescriptors.DuplicateRole).WithLocation(0).WithArguments("A", "B", "LearningRate"));

    [Fact]
    public Task HT0027_a_derived_config_repeating_its_bases_batch_size() => Roles.VerifyAsync("""
        using HyperTune;
        public partial class BaseConfig
        {
            [BatchSize(32, 64)] public int BatchSize { get; set; }
        }

        public partial class Derived : BaseConfig
        {
            [{|HT0027:BatchSize(16, 32)|}] public int Batch { get; set; }
        }
        """);

    [Fact]
    public Task HT0030_a_policy_without_epochs_or_StopAtStep_is_info() => Roles.VerifyAsync("""
        using HyperTune;
        [EarlyStopping(5)]
        public partial class {|#0:Config|}
        {
            [LearningRate(0.1, 0.001)] public double LearningRate { get; set; }
        }

        [StopAtStep(1000)]
        public partial class Bounded
        {
            [LearningRate(0.1, 0.001)] public double LearningRate { get; set; }
        }
        """,
        Roles.Diagnostic(Diagnostics.DiagnosticDescriptors.DefaultEpochBound).WithLocation(0).WithArguments("Config", "1000"));

    [Theory]
    [InlineData("[EarlyStopping({|#0:-1|})]", "EarlyStopping", "Patience", "-1")]
    [InlineData("[LearningRateDecay(DecayKind.Step, StepSize = {|#0:0|})]", "LearningRateDecay", "StepSize", "0")]
    [InlineData("[LearningRateDecay(DecayKind.Exponential, Gamma = {|#0:-1|})]", "LearningRateDecay", "Gamma", "-1")]
    [InlineData("[LearningRateDecay(DecayKind.MultiStep, Milestones = {|#0:null|})]", "LearningRateDecay", "Milestones", "null")]
    [InlineData("[StopAtStep({|#0:-5|})]", "StopAtStep", "Step", "-5")]
    [InlineData("[ValidationMonitor(0, {|#0:-3|})]", "ValidationMonitor", "EarlyStoppingRounds", "-3")]
    public Task HT0029_invalid_policy_values_are_compile_time_errors(string policy, string attribute, string parameter, string value) => PolicyRules.VerifyAsync($$"""
        using HyperTune;
        {{policy}}
        public partial class Config
        {
            [LearningRate(0.1, 0.001)] public double LearningRate { get; set; }
            [Epochs(10)] public int Epochs { get; set; }
        }
        """,
        PolicyRules.Diagnostic(Diagnostics.DiagnosticDescriptors.InvalidPolicy).WithLocation(0).WithArguments(attribute, parameter, value, Requirement(parameter)));

    [Fact]
    public Task HT0029_is_silent_on_valid_policies_and_on_parameters_the_kind_does_not_read() => PolicyRules.VerifyAsync("""
        using HyperTune;
        [EarlyStopping(0, MinDelta = 0.001)]
        [LearningRateDecay(DecayKind.Cosine, TMax = 10, StepSize = 0)]
        [ValidationMonitor(0, 0)]
        [StopAtStep(1)]
        public partial class Config
        {
            [LearningRate(0.1, 0.001)] public double LearningRate { get; set; }
        }
        """);

    [Fact]
    public Task HT0005_leaves_invalid_values_to_HT0029() => Reach.VerifyAsync("""
        using HyperTune;
        [ValidationMonitor(0, 200)]
        [StopAtStep(-5)]
        [EarlyStopping(-1)]
        public partial class Config
        {
            [LearningRate(0.1, 0.001)] public double LearningRate { get; set; }
            [Epochs(5)] public int Epochs { get; set; }
        }
        """);

    [Fact]
    public Task HT0031_a_config_named_SearchSpace() => Names.VerifyAsync("""
        using HyperTune;
        public partial class {|HT0031:SearchSpace|}
        {
            [Range(0.0, 1.0)] public double A { get; set; }
        }

        public partial class Train
        {
            [Range(0.0, 1.0)] public double A { get; set; } // No Train method: the name is free.
        }
        """);

    [Fact]
    public async Task HT0028_below_CSharp_10_once_per_config()
    {
        var test = new Verifiers.AnalyzerVerifier<LanguageVersionAnalyzer>.Test
        {
            TestCode = """
                using HyperTune;
                public partial class {|#0:Config|}
                {
                    [Range(0.0, 1.0)] public double A { get; set; }
                    [Range(0.0, 1.0)] public double B { get; set; }
                }
                """,
        };
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.CSharp9)));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Diagnostics.DiagnosticDescriptors.LanguageVersionTooLow)
            .WithLocation(0).WithArguments("Config", "9.0"));
        await test.RunAsync();
    }

    [Fact]
    public Task HT0028_is_silent_at_CSharp_10_and_later() => Verifiers.AnalyzerVerifier<LanguageVersionAnalyzer>.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [Range(0.0, 1.0)] public double A { get; set; }
        }
        """);

    private static string Requirement(string parameter) => parameter switch
    {
        "Patience" => "it must be 0 or more",
        "StepSize" => "it must be at least 1",
        "Gamma" => "it must be finite and greater than 0",
        "Milestones" => "it must list the epochs at which the rate drops (or be left out)",
        "Step" => "training needs at least 1 step",
        _ => "it must be 0 or more",
    };
}

/// <summary>Fixed values ([LearningRate(0.05)]) through the existing rules: checked as one point, counted as no grid factor.</summary>
public class FixedValueRulesTests
{
    [Fact]
    public Task HT0003_checks_a_fixed_learning_rate() => Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Dimensions.LearningRateRangeAnalyzer>.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [LearningRate({|HT0003:5.0|})] public double LearningRate { get; set; }
            [LearningRate(0.05)] public double Fine { get; set; }
        }
        """);

    [Fact]
    public Task HT0007_counts_fixed_values_as_one_point() => Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Grid.GridSizeAnalyzer>.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [Range(0.0, 1.0)] public double A { get; set; }
            [Range(0.0, 1.0)] public double B { get; set; }
            [Range(0.0, 1.0)] public double C { get; set; }
            [Range(0.0, 1.0)] public double D { get; set; }
            [Range(0.0, 1.0)] public double E { get; set; }
            [LearningRate(0.05)] public double F { get; set; }
            [Dropout(0.5, 0.5)] public double G { get; set; }
        }
        """);
}

/// <summary>HT0032: Adam's betas and ε and the hidden-layer shrink factor, checked where they are written.</summary>
public class SettingRangeTests
{
    [Fact]
    public Task HT0032_fires_at_each_value_outside_its_range() => Verifiers.AnalyzerVerifier<SettingRangeAnalyzer>.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [AdamBeta1(0.8, {|HT0032:1.0|})] public double Beta1 { get; set; }
            [AdamBeta2({|HT0032:-0.1|})] public double Beta2 { get; set; }
            [AdamEpsilon({|HT0032:0.0|}, 1e-6)] public double Epsilon { get; set; }
            [HiddenShrink({|HT0032:1.5|})] public double Shrink { get; set; }
        }

        public partial class Fine
        {
            [AdamBeta1(0.0, 0.99)] public double Beta1 { get; set; }
            [AdamBeta2(0.999)] public double Beta2 { get; set; }
            [AdamEpsilon(1e-8)] public double Epsilon { get; set; }
            [HiddenShrink(0.25, 1.0)] public double Shrink { get; set; }
        }
        """);
}
