using System.Globalization;
using System.Text;

namespace HyperTune.Benchmarks.Analyzers;

/// <summary>
/// A generated project of config types for the analyzer benchmarks: one file per config, each with
/// the attributes a real config carries, a stand-in for the generated <c>Train</c> and
/// <c>SearchSpace.Grid</c>, and a call of each; every fourth config has settings that fire rules,
/// so the reporting paths are measured too.
/// </summary>
internal static class ConfigCorpus
{
    public const string StandIns = """
        #nullable enable
        namespace Bench
        {
            public sealed class Dataset { }
            public sealed class TrainOptions { }
            public sealed class TrainingResult { }
        }
        """;

    public static IEnumerable<(string Path, string Source)> Files(int configs)
    {
        yield return ("StandIns.cs", StandIns);
        for (var i = 0; i < configs; i++)
        {
            yield return ($"Config{i}.cs", Config(i));
        }
    }

    /// <summary>One config; <paramref name="index"/> varies the values so no two files are identical.</summary>
    public static string Config(int index, int batchSize = 0)
    {
        var risky = index % 4 == 0;
        var batch = batchSize != 0 ? batchSize : risky ? 512 : 128;
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $$"""
            #nullable enable
            using System.Collections.Generic;
            using HyperTune;

            namespace Bench
            {
                [EarlyStopping({{(risky ? 200 : 10)}}, MinDelta = 1e-4, RestoreBestWeights = true)]
                [LearningRateDecay(DecayKind.ReduceOnPlateau, Factor = 0.5, Patience = {{(risky ? 12 : 5)}})]
                public partial class Config{{index}}
                {
                    [LearningRate(0.1, {{(risky ? "0.0001" : "0.0001, Scale.Log")}})] public double LearningRate { get; set; }
                    [BatchSize(32, 64, {{batch}})] public int BatchSize { get; set; }
                    [Epochs(100)] public int Epochs { get; set; }
                    [HiddenLayers(1, {{(risky ? 5 : 3)}})] public int HiddenLayers { get; set; }
                    [HiddenUnits(16, 512, Scale.Log)] public int HiddenUnits { get; set; }
                    [Optimizer(OptimizerKind.Sgd, OptimizerKind.Momentum, OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; }
                    [Momentum(0.5, {{(risky ? "1.0" : "0.99")}})] [ActiveWhen(nameof(Optimizer), OptimizerKind.Momentum)] public double Momentum { get; set; }
                    [WeightDecay(1e-6, 1e-2, Scale.Log)] public double WeightDecay { get; set; }
                    [Dropout(0.0, 0.5)] public double Dropout { get; set; }
                    [Choice("relu", "tanh")] public string Activation { get; set; } = "relu";
                    public int Seed { get; set; }

                    public TrainingResult Train(Dataset train, Dataset? validation = null, TrainOptions? options = null, System.Threading.CancellationToken cancellationToken = default) => new();

                    public static class SearchSpace
                    {
                        public static IEnumerable<Config{{index}}> Grid(int pointsPerRange = 5) => new Config{{index}}[0];
                    }
                }

                public static class Use{{index}}
                {
                    public static void Run(Dataset train, Dataset validation)
                    {
                        new Config{{index}}().Train(train{{(risky ? "" : ", validation")}});
                        foreach (var config in Config{{index}}.SearchSpace.Grid({{(risky ? 7 : 3)}})) { }
                    }
                }
            }
            """);
        return builder.ToString();
    }
}
