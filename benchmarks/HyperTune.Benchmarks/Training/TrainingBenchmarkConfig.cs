using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace HyperTune.Benchmarks.Training;

/// <summary>
/// Adds the throughput columns: samples per second, GFLOP/s and the fraction of this machine's FMA
/// peak, which <see cref="FmaPeakBenchmark"/> measures in the same run (pass <c>--join</c> so that all
/// training classes and the peak land in one summary).
/// </summary>
public sealed class TrainingBenchmarkConfig : ManualConfig
{
    public TrainingBenchmarkConfig()
    {
        AddColumn(new ThroughputColumn(ThroughputColumn.Kind.SamplesPerSecond));
        AddColumn(new ThroughputColumn(ThroughputColumn.Kind.GigaFlops));
        AddColumn(new ThroughputColumn(ThroughputColumn.Kind.PeakFraction));
    }
}

/// <summary>One derived throughput figure of a training benchmark case.</summary>
internal sealed class ThroughputColumn(ThroughputColumn.Kind kind) : IColumn
{
    public enum Kind { SamplesPerSecond, GigaFlops, PeakFraction }

    public string Id => $"{nameof(ThroughputColumn)}.{kind}";

    public string ColumnName => kind switch
    {
        Kind.SamplesPerSecond => "Samples/s",
        Kind.GigaFlops => "GFLOP/s",
        _ => "% of FMA peak",
    };

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => (int)kind;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => kind switch
    {
        Kind.SamplesPerSecond => "Training samples a second (batch / mean time a step)",
        Kind.GigaFlops => "Samples/s x 6 x weights (FmaPeak: the measured FMA rate)",
        _ => "GFLOP/s as a percentage of FmaPeak's GFLOP/s in the same summary",
    };

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? gflops = GigaFlops(summary, benchmarkCase);
        if (benchmarkCase.Descriptor.Type == typeof(FmaPeakBenchmark))
        {
            return kind switch
            {
                Kind.GigaFlops when gflops is { } g => g.ToString("F1"),
                Kind.PeakFraction when gflops is not null => "100%",
                _ => "-",
            };
        }

        double? samples = SamplesPerSecond(summary, benchmarkCase);
        double? peak = PeakGigaFlops(summary);
        return kind switch
        {
            Kind.SamplesPerSecond when samples is { } s => s >= 1e4 ? $"{s / 1e3:N0}k" : $"{s / 1e3:N2}k",
            Kind.GigaFlops when gflops is { } g => g.ToString("F1"),
            Kind.PeakFraction when gflops is { } g && peak is { } p => $"{100 * g / p:F1}%",
            _ => "-",
        };
    }

    private static double? MeanSeconds(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Mean is { } nanoseconds ? nanoseconds * 1e-9 : null;

    private static double? SamplesPerSecond(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (MeanSeconds(summary, benchmarkCase) is not { } seconds) return null;
        object? batch = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Batch")?.Value;
        return batch is int rows ? rows / seconds : null;
    }

    private static double? GigaFlops(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Descriptor.Type == typeof(FmaPeakBenchmark))
            return MeanSeconds(summary, benchmarkCase) is { } s ? FmaPeakBenchmark.FlopsPerInvoke / s / 1e9 : null;
        object? shape = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Shape")?.Value;
        return SamplesPerSecond(summary, benchmarkCase) is { } samples && shape is string text
            ? samples * MlpShape.Parse(text).FlopsPerSample / 1e9
            : null;
    }

    private static double? PeakGigaFlops(Summary summary)
    {
        BenchmarkCase? peak = summary.BenchmarksCases.FirstOrDefault(c => c.Descriptor.Type == typeof(FmaPeakBenchmark));
        return peak is null ? null : GigaFlops(summary, peak);
    }
}
