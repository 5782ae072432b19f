using HyperTune.Analyzers.Tests.Verifiers;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>
/// One problem, one diagnostic: a config the generator rejects gets its error (from ConfigAnalyzer,
/// the generator's parser) and not, besides, advice about how it trains (HT0002).
/// </summary>
public class ConfigErrorsSilenceOtherRulesTests
{
    [Theory]
    [InlineData("HT0008", """
        using HyperTune;
        public class Config
        {
            [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
            [Epochs(10)] public int Epochs { get; set; }
        }
        """)]
    [InlineData("HT0018", """
        using HyperTune;
        public partial class Config<T>
        {
            [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
            [Epochs(10)] public int Epochs { get; set; }
        }
        """)]
    [InlineData("HT0012", """
        using HyperTune;
        public partial class Config
        {
            [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
            [Epochs(0)] public int Epochs { get; set; }
        }
        """)]
    [InlineData("HT0040", """
        using HyperTune;
        public partial class Config
        {
            [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
            [Epochs(10)] public int Epochs { get; set; }
            public void Train() { }
        }
        """)]
    public async Task A_config_with_an_error_gets_only_the_error(string id, string source)
    {
        var diagnostic = Assert.Single(await AllAnalyzers.RunAsync(source));
        Assert.Equal(id, diagnostic.Id);
    }

    [Fact]
    public async Task A_valid_config_still_gets_HT0002()
    {
        var diagnostic = Assert.Single(await AllAnalyzers.RunAsync("""
            using HyperTune;
            public partial class Config
            {
                [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
                [Epochs(10)] public int Epochs { get; set; }
            }
            """));
        Assert.Equal("HT0002", diagnostic.Id);
    }

    [Fact]
    public async Task A_static_class_gets_one_HT0018_and_nothing_else()
    {
        var diagnostic = Assert.Single(await AllAnalyzers.RunAsync("""
            using HyperTune;
            public static class Config
            {
                [LearningRate(0.1, 0.001, Scale.Log)] public static double LearningRate { get; set; }
                [BatchSize(32, 64)] public static int BatchSize { get; set; }
            }
            """));
        Assert.Equal("HT0018", diagnostic.Id);
    }
}
