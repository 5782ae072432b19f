namespace HyperTune.Cli.Tests;

/// <summary>
/// A study tuned with the generated <c>Tune</c> into a temporary SQLite file: 24 trials of
/// <see cref="CliConfig"/>, each reporting 6 intermediate values, under the median pruner, so the
/// store holds complete and pruned trials with learning curves (and one failed trial).
/// </summary>
public sealed class StudyFixture : IDisposable
{
    public const string StudyName = "cli-study";

    public StudyFixture()
    {
        Folder = Directory.CreateTempSubdirectory("hypertune-cli-").FullName;
        Store = Path.Combine(Folder, "study.db");
        var options = new TuneOptions
        {
            Trials = 24,
            Sampler = SamplerKind.Random,
            Pruner = PrunerKind.Median,
            Seed = 7,
            StudyName = StudyName,
            Storage = Store,
        };
        Study = CliConfig.Tune(Objective, options).GetAwaiter().GetResult();
        Snapshot = Study.Snapshot();
    }

    public string Folder { get; }

    public string Store { get; }

    public Study<CliConfig> Study { get; }

    public StudySnapshot Snapshot { get; }

    /// <summary>A loss curve: its floor set by the rate (best near 0.01) and the units; trial 3 fails.</summary>
    public static ValueTask<double> Objective(CliConfig config, TrialContext context, CancellationToken token)
    {
        if (context.Number == 3)
        {
            throw new InvalidOperationException("Trial 3 fails on purpose, with a comma, and \"quotes\".");
        }

        double floor = Math.Pow(Math.Log10(config.Rate) + 2, 2) + (Math.Abs(config.Units - 5) / 4.0);
        double value = double.NaN;
        for (int step = 1; step <= 6; step++)
        {
            value = floor + (2.0 / step);
            if (context.Report(step, value))
            {
                return new(value);
            }
        }

        return new(value);
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("HYPERTUNE_KEEP_TEST_FILES") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
