using HyperTune.SourceGenerators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HyperTune.SourceGenerators.Tests.Configs;

/// <summary>
/// Issue 10, sections 1–3: configs as users write them (partial, fixed values, records, inherited,
/// strict projects) build, without a generator diagnostic or a compiler warning, and the generated
/// code says what they mean.
/// </summary>
public class ConfigsThatBuildTests
{
    private static string Builds(string source, string hintName = "Config.g.cs")
    {
        var result = GeneratorRunner.Run("using HyperTune;\n" + source);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, string.Join("\n", result.GeneratorDiagnostics));
        Assert.True(result.CompilerDiagnostics.IsEmpty, string.Join("\n", result.CompilerDiagnostics));
        Assert.True(result.Sources.ContainsKey(hintName), "Generated: " + string.Join(", ", result.Sources.Keys));
        return result.Sources[hintName];
    }

    // Section 1 -------------------------------------------------------------------------------

    [Fact]
    public void Policies_without_a_learning_rate_train_at_the_optimisers_default()
    {
        string code = Builds("""
            [EarlyStopping(5)]
            [LearningRateDecay(DecayKind.Step, StepSize = 10)]
            public partial class Config
            {
                [Optimizer(OptimizerKind.Sgd, OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; }
                [Epochs(50)] public int Epochs { get; set; } = 50;
            }
            """);
        Assert.Contains("double learningRate = global::HyperTune.OptimizerFactory.DefaultLearningRate(this.Optimizer);", code, StringComparison.Ordinal);
        Assert.Contains("0.01 for SGD, momentum, Nesterov and AdaGrad; 0.001 for Adam, AdamW and RMSProp", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_epochs_StopAtStep_bounds_training()
    {
        string code = Builds("""
            [StopAtStep(500)]
            public partial class Config
            {
                [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; } = 0.01;
            }
            """);
        Assert.Contains("int maxEpochs = int.MaxValue;", code, StringComparison.Ordinal);
        Assert.Contains("training runs until step 500", code, StringComparison.Ordinal);
        Assert.Contains("No <c>[BatchSize]</c>: mini-batches of 32 rows.", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_epochs_or_StopAtStep_the_default_bound_applies_and_is_documented()
    {
        string code = Builds("""
            [EarlyStopping(10)]
            public partial class Config
            {
                [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; } = 0.01;
            }
            """);
        Assert.Contains("int maxEpochs = 1000;", code, StringComparison.Ordinal);
        Assert.Contains("at most 1000 epochs", code, StringComparison.Ordinal);
    }

    // Section 2 -------------------------------------------------------------------------------

    [Fact]
    public void Single_values_and_equal_bounds_are_settings_not_dimensions()
    {
        string code = Builds("""
            public partial class Config
            {
                [LearningRate(0.05)] public double LearningRate { get; set; }
                [BatchSize(64)] public int BatchSize { get; set; }
                [Optimizer(OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; }
                [Momentum(0.9)] public double Momentum { get; set; }
                [HiddenUnits(128)] public int HiddenUnits { get; set; }
                [Dropout(0.25, 0.25)] public double Dropout { get; set; }
                [Range(0.1, 0.9)] public double Tuned { get; set; } = 0.5;
                [Epochs(20)] public int Epochs { get; set; } = 20;
            }
            """);
        Assert.Contains("public const int DimensionCount = 1;", code, StringComparison.Ordinal);
        Assert.Contains("double learningRate = 0.05;", code, StringComparison.Ordinal);
        Assert.Contains("int batchSize = 64;", code, StringComparison.Ordinal);
        Assert.Contains("OptimizerFactory.Create(global::HyperTune.OptimizerKind.Adam,", code, StringComparison.Ordinal);
        Assert.Contains("hiddenUnits: 128,", code, StringComparison.Ordinal);
        Assert.Contains("dropout: 0.25,", code, StringComparison.Ordinal);
        Assert.Contains("config.LearningRate = 0.05;", code, StringComparison.Ordinal); // Sampled configs carry the setting.
    }

    [Fact]
    public void Momentum_without_an_optimizer_is_SGD_with_momentum()
    {
        string code = Builds("""
            public partial class Config
            {
                [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; } = 0.01;
                [Momentum(0.5, 0.99)] public double Momentum { get; set; } = 0.9;
                [Epochs(10)] public int Epochs { get; set; } = 10;
            }
            """);
        Assert.Contains("var optimizer = new global::HyperTune.MomentumOptimizer(model.Parameters.Length, this.Momentum, 0.0);", code, StringComparison.Ordinal);
        Assert.DoesNotContain("SgdOptimizer", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Positional_record_parameters_are_dimensions_built_through_the_primary_constructor()
    {
        string code = Builds("""
            public partial record Config(
                [property: LearningRate(0.1, 0.0001, Scale.Log)] double LearningRate,
                [property: BatchSize(32, 64)] int BatchSize,
                [property: Epochs(10)] int Epochs,
                string Name = "run");
            """);
        Assert.Contains("public const int DimensionCount = 2;", code, StringComparison.Ordinal);
        Assert.Contains("template ?? new global::Config(LearningRate: default, BatchSize: default, Epochs: default)", code, StringComparison.Ordinal);
        Assert.Contains("return baseline with", code, StringComparison.Ordinal);
        Assert.Contains("Train(", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_derived_config_tunes_its_bases_dimensions_and_trains_with_its_own_values()
    {
        var result = GeneratorRunner.Run("""
            using HyperTune;
            public partial class BaseConfig
            {
                [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; } = 0.01;
                [Epochs(10)] public int Epochs { get; set; } = 10;
            }

            public partial class DerivedConfig : BaseConfig
            {
                [BatchSize(16, 64)] public int BatchSize { get; set; } = 16;
            }
            """);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, string.Join("\n", result.GeneratorDiagnostics));
        Assert.True(result.CompilerDiagnostics.IsEmpty, string.Join("\n", result.CompilerDiagnostics));
        string derived = result.Sources["DerivedConfig.g.cs"];
        Assert.Contains("public const int DimensionCount = 2;", derived, StringComparison.Ordinal);
        Assert.Contains("global::HyperTune.Dimension.Continuous(\"LearningRate\"", derived, StringComparison.Ordinal);
        Assert.Contains("public new global::HyperTune.TrainingResult Train(", derived, StringComparison.Ordinal);
        Assert.Contains("int batchSize = this.BatchSize;", derived, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_properties_in_one_role_get_no_Train_from_the_generator()
    {
        // The analyzers report HT0027 at the second property; the generator emits what it can.
        var result = GeneratorRunner.Run("""
            using HyperTune;
            public partial class Config
            {
                [LearningRate(0.1, 0.001)] public double A { get; set; } = 0.01;
                [LearningRate(0.1, 0.001)] public double B { get; set; } = 0.01;
                [Epochs(10)] public int Epochs { get; set; } = 10;
            }
            """);
        Assert.True(result.CompilerDiagnostics.IsEmpty, string.Join("\n", result.CompilerDiagnostics));
        Assert.DoesNotContain("Train(", result.Sources["Config.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_template_is_copied_whole_private_state_and_collections_included()
    {
        string code = Builds("""
            public partial class Config
            {
                [Range(0.0, 1.0)] public double A { get; set; }
                public System.Collections.Generic.List<string> Tags { get; } = new();
                public int Hidden { get; private set; }
            }
            """);
        Assert.Contains("global::Config config = (global::Config)baseline.MemberwiseClone();", code, StringComparison.Ordinal);
    }

    // Section 3 -------------------------------------------------------------------------------

    [Fact]
    public void Restoring_best_weights_needs_no_using_of_the_consumer()
    {
        Builds("""
            [EarlyStopping(3, RestoreBestWeights = true)]
            public partial class Config
            {
                [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; } = 0.01;
                [Epochs(10)] public int Epochs { get; set; } = 10;
            }
            """);
    }

    [Fact]
    public void Sample_draws_candidates_through_the_library_not_Random_Next()
    {
        string code = Builds("""
            public partial class Config
            {
                [Choice("a", "b")] public string Letter { get; set; } = "a";
            }
            """);
        Assert.DoesNotContain("random.Next", code, StringComparison.Ordinal);
        Assert.Contains("global::HyperTune.Generated.Categorical.Sample(random, 2)", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Below_CSharp_10_the_generator_emits_nothing()
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp9);
        var compilation = CSharpCompilation.Create(
            "Old",
            new[] { CSharpSyntaxTree.ParseText("using HyperTune; public partial class Config { [Range(0.0, 1.0)] public double A { get; set; } }", parse) },
            TestCompilation.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new ConfigGenerator().AsSourceGenerator() }, parseOptions: parse);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        Assert.Empty(driver.GetRunResult().GeneratedTrees);
        Assert.DoesNotContain(output.GetDiagnostics(), static d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Properties_differing_in_the_case_of_their_first_letter_get_distinct_generated_names()
    {
        Builds("""
            public partial class Config
            {
                [Choice(1, 2)] public int Foo { get; set; } = 1;
                [Choice(3, 4)] public int foo { get; set; } = 3;
            }
            """);
    }

    [Fact]
    public void A_config_named_SearchSpace_gets_no_broken_code()
    {
        var result = GeneratorRunner.Run("""
            using HyperTune;
            public partial class SearchSpace { [Range(0.0, 1.0)] public double A { get; set; } }
            """);
        Assert.Empty(result.Sources);
        Assert.Empty(result.CompilerDiagnostics);
    }

    [Theory]
    [InlineData("[EarlyStopping(Unknown)]")]
    [InlineData("[LearningRateDecay(DecayKind.MultiStep, Milestones = null)]")]
    public void A_broken_policy_attribute_gets_no_Train(string policy)
    {
        var result = GeneratorRunner.Run($$"""
            using HyperTune;
            {{policy}}
            public partial class Config
            {
                [LearningRate(0.1, 0.001)] public double LearningRate { get; set; } = 0.01;
                [Epochs(10)] public int Epochs { get; set; } = 10;
            }
            """);
        Assert.DoesNotContain("Train(", result.Sources["Config.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain(result.CompilerDiagnostics, static d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_null_candidate_of_a_nullable_string_builds_under_nullable_warnings()
    {
        Builds("""
            public partial class Config
            {
                [Choice("a", null, "b")] public string? Name { get; set; }
            }
            """);
    }

    // Section 5 (generation) ------------------------------------------------------------------

    [Fact]
    public void Adam_betas_epsilon_shrinking_widths_and_input_scaling_reach_Train()
    {
        string code = Builds("""
            public partial class Config
            {
                [Optimizer(OptimizerKind.Adam, OptimizerKind.AdamW)] public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;
                [AdamBeta1(0.8, 0.95)] public double Beta1 { get; set; } = 0.9;
                [AdamBeta2(0.999)] public double Beta2 { get; set; } = 0.999;
                [AdamEpsilon(1e-8, 1e-6, Scale.Log)] public double Epsilon { get; set; } = 1e-8;
                [HiddenLayers(2)] public int Layers { get; set; } = 2;
                [HiddenUnits(64, 256)] public int Units { get; set; } = 128;
                [HiddenShrink(0.25, 1.0)] public double Shrink { get; set; } = 0.5;
                [Choice(InputScaling.None, InputScaling.Standardize, InputScaling.MinMax)] public InputScaling Scaling { get; set; }
                [Epochs(10)] public int Epochs { get; set; } = 10;
            }
            """);
        Assert.Contains("beta1: this.Beta1, beta2: 0.999, epsilon: this.Epsilon", code, StringComparison.Ordinal);
        Assert.Contains("hiddenWidths: global::HyperTune.DenseNetwork.ShrinkingWidths(2, this.Units, this.Shrink),", code, StringComparison.Ordinal);
        Assert.Contains("global::HyperTune.StandardizedData.Fit(train, validation, this.Scaling)", code, StringComparison.Ordinal);
    }
}
