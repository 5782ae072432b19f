using HyperTune.SourceGenerators.Tests.Infrastructure;

namespace HyperTune.SourceGenerators.Tests.Configs;

/// <summary>
/// The tuner's generated glue (<c>SearchSpace.Definition</c>, <c>Tune</c>) on every config shape
/// issue 10 supports: records without a parameterless constructor, inheritance, configs without
/// <c>[Epochs]</c>, configs whose settings are all fixed. Each compiles without a warning.
/// </summary>
public class TuneOnConfigShapesTests
{
    private static IReadOnlyDictionary<string, string> Builds(string source)
    {
        var result = GeneratorRunner.Run("using HyperTune;\n" + source);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, string.Join("\n", result.GeneratorDiagnostics));
        Assert.True(result.CompilerDiagnostics.IsEmpty, string.Join("\n", result.CompilerDiagnostics));
        return result.Sources;
    }

    [Fact]
    public void A_positional_record_without_a_parameterless_constructor_gets_its_default_through_the_primary_one()
    {
        string code = Builds("""
            public partial record Config(
                [property: LearningRate(0.1, 0.001, Scale.Log)] double LearningRate,
                [property: Epochs(20)] int Epochs,
                string Name = "run");
            """)["Config.g.cs"];
        Assert.Contains("global::Config baseline = new global::Config(LearningRate: default, Epochs: default);", code, StringComparison.Ordinal);
        Assert.Contains("return Create(baseline, baseline.LearningRate, global::HyperTune.Generated.ConfigValidation.ResolveEpochs(baseline.Epochs, 20));", code, StringComparison.Ordinal);
        Assert.Contains("public global::Config CreateDefault() => global::Config.SearchSpace.NewDefault();", code, StringComparison.Ordinal);
        Assert.Contains("static config => config.Epochs, train, validation", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_derived_training_config_hides_its_bases_training_Tune_and_overloads_the_objective_one()
    {
        var sources = Builds("""
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
        Assert.Contains("public static global::System.Threading.Tasks.Task<global::HyperTune.Study<global::BaseConfig>> Tune(global::HyperTune.Dataset train", sources["BaseConfig.g.cs"], StringComparison.Ordinal);
        string derived = sources["DerivedConfig.g.cs"];
        Assert.Contains("public new static global::System.Threading.Tasks.Task<global::HyperTune.Study<global::DerivedConfig>> Tune(global::HyperTune.Dataset train", derived, StringComparison.Ordinal);
        Assert.Contains("public static global::System.Threading.Tasks.Task<global::HyperTune.Study<global::DerivedConfig>> Tune(global::System.Func<global::DerivedConfig,", derived, StringComparison.Ordinal);
    }

    [Fact]
    public void A_derived_config_of_a_base_that_does_not_train_declares_nothing_new()
    {
        var sources = Builds("""
            public partial class BaseConfig
            {
                [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; } = 0.01;
            }

            public partial class DerivedConfig : BaseConfig
            {
                [Epochs(10)] public int Epochs { get; set; } = 10;
            }
            """);
        Assert.DoesNotContain("Tune(global::HyperTune.Dataset train", sources["BaseConfig.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public static global::System.Threading.Tasks.Task<global::HyperTune.Study<global::DerivedConfig>> Tune(global::HyperTune.Dataset train", sources["DerivedConfig.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_that_trains_without_Epochs_passes_no_epoch_bound()
    {
        string code = Builds("""
            [StopAtStep(500)]
            public partial class Config
            {
                [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; } = 0.01;
            }
            """)["Config.g.cs"];
        Assert.Contains("config.Train(trainData, validationData, trainOptions, token), null, train, validation, options, cancellationToken);", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_whose_settings_are_all_fixed_gets_Train_but_no_tuner()
    {
        string code = Builds("""
            public partial class Config
            {
                [LearningRate(0.05)] public double LearningRate { get; set; }
                [BatchSize(64)] public int BatchSize { get; set; }
                [Epochs(10)] public int Epochs { get; set; } = 10;
            }
            """)["Config.g.cs"];
        Assert.Contains("public const int DimensionCount = 0;", code, StringComparison.Ordinal);
        Assert.Contains("TrainingResult Train(", code, StringComparison.Ordinal);
        Assert.DoesNotContain("Tune(", code, StringComparison.Ordinal);
        Assert.DoesNotContain("Definition", code, StringComparison.Ordinal);
        Assert.DoesNotContain("NewDefault", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_struct_config_tunes()
    {
        string code = Builds("""
            public partial struct Config
            {
                public Config() { }
                [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; } = 0.01;
                [Epochs(10)] public int Epochs { get; set; } = 10;
            }
            """)["Config.g.cs"];
        Assert.Contains("global::HyperTune.ISearchSpace<global::Config> Definition", code, StringComparison.Ordinal);
        Assert.Contains("Tune(global::HyperTune.Dataset train", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public partial class Tune { [Range(0.0, 1.0)] public double X { get; set; } }", "Tune.g.cs")]
    [InlineData("public partial class Config { [Range(0.0, 1.0)] public double X { get; set; } public int Tune { get; set; } }", "Config.g.cs")]
    public void A_config_that_cannot_hold_Tune_keeps_its_search_space_and_Definition(string source, string hintName)
    {
        string code = Builds(source)[hintName];
        Assert.Contains("Definition { get; }", code, StringComparison.Ordinal);
        Assert.DoesNotContain(" Tune(", code, StringComparison.Ordinal);
    }
}
