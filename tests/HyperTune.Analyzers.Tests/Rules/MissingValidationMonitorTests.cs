using HyperTune.Analyzers.Diagnostics;
using Verify = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Training.MissingValidationMonitorAnalyzer>;
using Fix = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Training.MissingValidationMonitorAnalyzer, HyperTune.CodeFixes.Fixes.AddEarlyStoppingCodeFixProvider>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>HT0002: training with nothing that watches the validation error.</summary>
public class MissingValidationMonitorTests
{
    /// <summary>Stand-ins for the runtime types and the generated <c>Train</c> (issue 3), declared in the test source.</summary>
    private const string TrainStandIns = """
        public sealed class Dataset { }
        public sealed class TrainOptions { }
        public sealed class TrainingResult { }
        """;

    private const string TrainMethod =
        "public TrainingResult Train(Dataset train, Dataset? validation = null, TrainOptions? options = null, System.Threading.CancellationToken cancellationToken = default) => new();";

    [Fact]
    public Task Fires_at_Epochs_when_the_config_has_no_monitor() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [LearningRate(0.1, 0.0001, Scale.Log)]
            public double LearningRate { get; set; }

            [{|#0:Epochs(100)|}]
            public int Epochs { get; set; }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.NoValidationMonitor).WithLocation(0).WithArguments("Config", "100 epochs"));

    [Fact]
    public Task Does_not_fire_with_early_stopping_or_a_validation_monitor_or_without_training() => Verify.VerifyAsync("""
        using HyperTune;
        [EarlyStopping(10)]
        public partial class WithEarlyStopping
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        [ValidationMonitor(50, 200)]
        public partial record WithMonitor
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        public partial class SearchOnly
        {
            [LearningRate(0.1, 0.0001, Scale.Log)]
            public double LearningRate { get; set; }
        }
        """);

    [Fact]
    public Task Fires_at_a_Train_call_that_passes_no_validation_set_to_a_monitoring_config() => Verify.VerifyAsync($$"""
        #nullable enable
        using HyperTune;
        {{TrainStandIns}}
        [EarlyStopping(10)]
        public partial class Config
        {
            [Epochs(100)]
            public int Epochs { get; set; }

            {{TrainMethod}}
        }
        public static class Use
        {
            public static void Run(Config config, Dataset train, Dataset validation)
            {
                {|#0:config.Train(train)|};
                config.Train(train, {|#1:null|});
                config.Train(train, validation);
                config.Train(train, validation: validation);
                config.Train(options: null, validation: validation, train: train);
            }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.TrainWithoutValidationData).WithLocation(0).WithArguments("Config", "EarlyStopping"),
        Verify.Diagnostic(DiagnosticDescriptors.TrainWithoutValidationData).WithLocation(1).WithArguments("Config", "EarlyStopping"));

    [Fact]
    public Task Fires_at_a_Train_call_of_a_config_without_epochs_or_monitor() => Verify.VerifyAsync($$"""
        #nullable enable
        using HyperTune;
        {{TrainStandIns}}
        public partial class Config
        {
            [LearningRate(0.1, 0.0001, Scale.Log)]
            public double LearningRate { get; set; }

            {{TrainMethod}}
        }
        public sealed class NotAConfig
        {
            {{TrainMethod}}
        }
        public static class Use
        {
            public static void Run(Config config, NotAConfig other, Dataset train, Dataset validation)
            {
                {|#0:config.Train(train, validation)|};
                other.Train(train);
            }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.NoValidationMonitor).WithLocation(0).WithArguments("Config", "its epochs"));

    [Fact]
    public Task Fix_adds_early_stopping_and_fix_all_adds_it_to_every_config() => Fix.VerifyFixAsync("""
        using HyperTune;

        public partial class Config
        {
            [LearningRate(0.1, 0.0001, Scale.Log)]
            public double LearningRate { get; set; }

            [{|HT0002:Epochs(100)|}]
            public int Epochs { get; set; }
        }

        [StopOnNaN]
        public sealed partial class Other
        {
            [LearningRate(0.1, 0.001, Scale.Log)]
            public double LearningRate { get; set; }

            [{|HT0002:Epochs(20)|}]
            public int Epochs { get; set; }
        }
        """, """
        using HyperTune;

        [EarlyStopping(patience: 10)]
        public partial class Config
        {
            [LearningRate(0.1, 0.0001, Scale.Log)]
            public double LearningRate { get; set; }

            [Epochs(100)]
            public int Epochs { get; set; }
        }

        [StopOnNaN]
        [EarlyStopping(patience: 10)]
        public sealed partial class Other
        {
            [LearningRate(0.1, 0.001, Scale.Log)]
            public double LearningRate { get; set; }

            [Epochs(20)]
            public int Epochs { get; set; }
        }
        """);

    [Fact]
    public Task No_fix_at_a_call_site() => Fix.VerifyNoFixAsync($$"""
        #nullable enable
        using HyperTune;
        {{TrainStandIns}}
        [EarlyStopping(10)]
        public partial class Config
        {
            {{TrainMethod}}
        }
        public static class Use
        {
            public static void Run(Config config, Dataset train) => {|HT0002:config.Train(train)|};
        }
        """);
}
