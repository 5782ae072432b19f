using System.Globalization;
using HyperTune.SourceGenerators.Tests.Infrastructure;

namespace HyperTune.SourceGenerators.Tests.Diagnostics;

/// <summary>HT0040: what keeps the generator from emitting a config's Train method, at the code that causes it.</summary>
public class TrainingDiagnosticTests
{
    [Fact]
    public void HT0040_user_member_named_Train() => DiagnosticAssert.Fires("HT0040", """
        using HyperTune;
        public partial class Config
        {
            [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; }
            [Epochs(10)] public int Epochs { get; set; }
            public void [|Train|]() { }
        }
        """);

    [Fact]
    public void HT0040_unknown_validation_metric() => DiagnosticAssert.Fires("HT0040", """
        using HyperTune;
        [[|ValidationMonitor(50, 200, Metric = "f1")|]]
        public partial class Config
        {
            [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; }
            [Epochs(10)] public int Epochs { get; set; }
        }
        """);

    [Fact]
    public void A_search_space_only_config_has_no_Train_and_no_diagnostic()
    {
        var result = GeneratorRunner.Run("""
            using HyperTune;
            public partial class Config
            {
                [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; }
            }
            """);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.DoesNotContain("Train(", string.Concat(result.Sources.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicated_policy_attribute_is_left_to_the_compiler()
    {
        // CS0579 (duplicate attribute) is the compiler's to report; the generator must not fail on it.
        var result = GeneratorRunner.Run("""
            using HyperTune;
            [EarlyStopping(5)]
            [EarlyStopping(10)]
            public partial class Config
            {
                [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; }
                [Epochs(10)] public int Epochs { get; set; }
            }
            """);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains("Train(", string.Concat(result.Sources.Values), StringComparison.Ordinal);
    }
}
