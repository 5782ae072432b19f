using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace HyperTune.Benchmarks.Training;

/// <summary>
/// Adds the throughput columns: samples per second, GFLOP/s and the fraction of this machine's FMA
/// peak, which <see cref="FmaPeakBenchmark"/> measures in the same run (pass <c>--join</c> so that all
/// training classes and the peak land in one summary). Each from the mean time, and samples/s and
/// the peak fraction also from the fastest iteration (of the case and of the peak alike), which is
/// the steadier estimate on a machine other processes share.
/// </summary>
public sealed class TrainingBenchmarkConfig : ManualConfig
{
    public TrainingBenchmarkConfig()
    {
        AddColumn(new ThroughputColumn(ThroughputColumn.Kind.SamplesPerSecond));
        AddColumn(new ThroughputColumn(ThroughputColumn.Kind.GigaFlops));
        AddColumn(new ThroughputColumn(ThroughputColumn.Kind.PeakFraction));
        AddColumn(new ThroughputColumn(ThroughputColumn.Kind.SamplesPerSecond, fastest: true));
        AddColumn(new ThroughputColumn(ThroughputColumn.Kind.PeakFraction, fastest: true));
    }
}

/// <summary>One derived throughput figure of a training benchmark case.</summary>
internal sealed class ThroughputColumn(ThroughputColumn.Kind kind, bool fastest = false) : IColumn
{
    public enum Kind { SamplesPerSecond, GigaFlops, PeakFraction }

    public string Id => $"{nameof(ThroughputColumn)}.{kind}.{fastest}";

    public string ColumnName => kind switch
    {
        Kind.SamplesPerSecond => fastest ? "Samples/s (fastest)" : "Samples/s",
        Kind.GigaFlops => "GFLOP/s",
        _ => fastest ? "% of peak (fastest)" : "% of FMA peak",
    };

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => (int)kind + (fastest ? 10 : 0);

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => kind switch
    {
        Kind.SamplesPerSecond => fastest ? "Samples/s from the fastest iteration's time a step" : "Training samples a second (batch / mean time a step)",
        Kind.GigaFlops => "Samples/s x 6 x weights (FmaPeak: the measured FMA rate)",
        _ => fastest
            ? "The fastest iteration's GFLOP/s as a percentage of FmaPeak's fastest"
            : "GFLOP/s as a percentage of FmaPeak's GFLOP/s in the same summary",
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

    private double? MeanSeconds(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics is { } statistics ? (fastest ? statistics.Min : statistics.Mean) * 1e-9 : null;

    private double? SamplesPerSecond(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (MeanSeconds(summary, benchmarkCase) is not { } seconds) return null;
        object? batch = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Batch")?.Value;
        return batch is int rows ? rows / seconds : null;
    }

    private double? GigaFlops(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Descriptor.Type == typeof(FmaPeakBenchmark))
            return MeanSeconds(summary, benchmarkCase) is { } s ? FmaPeakBenchmark.FlopsPerInvoke / s / 1e9 : null;
        object? shape = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Shape")?.Value;
        return SamplesPerSecond(summary, benchmarkCase) is { } samples && shape is string text
            ? samples * MlpShape.Parse(text).FlopsPerSample / 1e9
            : null;
    }

    private double? PeakGigaFlops(Summary summary)
    {
        BenchmarkCase? peak = summary.BenchmarksCases.FirstOrDefault(c => c.Descriptor.Type == typeof(FmaPeakBenchmark));
        return peak is null ? null : GigaFlops(summary, peak);
    }
}
