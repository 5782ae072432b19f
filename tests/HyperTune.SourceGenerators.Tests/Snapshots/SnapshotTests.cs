using HyperTune.SourceGenerators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HyperTune.SourceGenerators.Tests.Snapshots;

/// <summary>
/// The generated code of representative configs, compared with committed baselines, then compiled
/// by the SourceGenerators.Testing verifier (warnings count) to prove it builds cleanly.
/// </summary>
public class SnapshotTests
{
    [Fact]
    public Task Digits_config_with_every_attribute_kind_and_a_condition() => VerifyAsync(
        NullableContextOptions.Enable,
        """
        using HyperTune;

        namespace Samples.Digits
        {
            public partial class DigitsConfig
            {
                [LearningRate(0.1, 0.00001, Scale.Log)]
                public double LearningRate { get; set; }

                [BatchSize(32, 64, 128, 256)]
                public int BatchSize { get; set; }

                [Epochs(100)]
                public int Epochs { get; set; }

                [HiddenLayers(1, 3)]
                public int HiddenLayers { get; set; }

                [HiddenUnits(16, 512, Scale.Log)]
                public int HiddenUnits { get; set; }

                [Optimizer(OptimizerKind.Sgd, OptimizerKind.Momentum, OptimizerKind.Nesterov, OptimizerKind.Adam)]
                public OptimizerKind Optimizer { get; set; }

                [Momentum(0.5, 0.99)]
                [ActiveWhen(nameof(Optimizer), OptimizerKind.Momentum, OptimizerKind.Nesterov)]
                public double Momentum { get; set; } = 0.9;

                [WeightDecay(1e-6, 1e-2, Scale.Log)]
                public float WeightDecay { get; set; }

                [Dropout(0.0, 0.5)]
                public double Dropout { get; set; }

                [Range(1, 1000000, Scale.Log)]
                public long Seed { get; set; } = 1;

                [Choice("relu", "tanh")]
                public string Activation { get; set; } = "relu";

                [Choice(0.5, 1, 2.5)]
                public double Multiplier { get; set; } = 1;

                public string Name { get; set; } = "digits";

                public int Verbosity;
            }
        }
        """);

    [Fact]
    public Task Record_in_a_file_scoped_namespace() => VerifyAsync(
        NullableContextOptions.Enable,
        """
        using HyperTune;
        using static HyperTune.Scale;

        namespace Samples.Records;

        public sealed partial record TinyConfig
        {
            [LearningRate(0.1, 0.00001, LogScale)]
            public double LearningRate { get; init; } = 0.01;

            [Choice(true, false)]
            public bool Shuffle { get; init; }

            public string Tag { get; init; } = "tiny";
        }
        """);

    [Fact]
    public Task Struct_with_a_condition_on_an_integer_choice() => VerifyAsync(
        NullableContextOptions.Enable,
        """
        using HyperTune;

        namespace Samples.Structs;

        public partial struct StructConfig
        {
            public StructConfig() { }

            [Choice(1, 2)]
            public int Mode { get; set; } = 1;

            [Range(0.0, 1.0)]
            [ActiveWhen(nameof(Mode), 2)]
            public float Strength { get; set; } = 0.25f;

            [HiddenUnits(8, 16, 32)]
            public long Width { get; set; } = 8;
        }
        """);

    [Fact]
    public Task Nested_internal_record_struct() => VerifyAsync(
        NullableContextOptions.Enable,
        """
        using HyperTune;

        namespace Samples.Nested;

        internal static partial class Experiments
        {
            public partial class Group
            {
                internal partial record struct Inner
                {
                    public Inner() { }

                    [Range(1, 10)]
                    public int Depth { get; set; } = 1;

                    [Choice('a', 'b')]
                    public char Letter { get; set; } = 'a';
                }
            }
        }
        """);

    [Fact]
    public Task Global_namespace_with_nullable_disabled() => VerifyAsync(
        NullableContextOptions.Disable,
        """
        using HyperTune;

        internal partial class LegacyConfig
        {
            [Choice("sgd", null)]
            public string Schedule { get; set; }

            [Range(-1.5, 1.5)]
            public double Bias { get; set; }

            private int _internalCounter;

            public int InternalCounter { get => _internalCounter; set => _internalCounter = value; }
        }
        """);

    private static async Task VerifyAsync(NullableContextOptions nullable, string source)
    {
        var result = GeneratorRunner.Run(nullable, source);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilerDiagnostics);
        var (hintName, generated) = Assert.Single(result.Sources);
        Baseline.Verify(hintName.Substring(0, hintName.Length - ".g.cs".Length), generated);

        var verifier = new GeneratorVerifier(nullable);
        verifier.TestState.Sources.Add(source);
        verifier.TestState.GeneratedSources.Add((typeof(ConfigGenerator), hintName, generated));
        await verifier.RunAsync();
    }
}
