using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HyperTune;
using HyperTune.DigitsStudy;
using HyperTune.Tuning;

// One study per seed, one trial at a time on one thread, until 1,200 epochs are spent; prints one
// JSON line per seed, as optuna_digits.py does. Args: <train.csv> <validation.csv> <sampler> <pruner> <seed>...
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const int budget = 1200;
var train = Dataset.FromCsv(args[0]);
var validation = Dataset.FromCsv(args[1]);
var sampler = Enum.Parse<SamplerKind>(args[2]);
var pruner = Enum.Parse<PrunerKind>(args[3]);
foreach (int seed in args.Skip(4).Select(int.Parse))
{
    int spent = 0;
    using var stop = new CancellationTokenSource();
    var options = new TuneOptions
    {
        Trials = 10_000,
        Sampler = sampler,
        Pruner = pruner,
        Seed = seed,
        MinResource = 1,
        MaxResource = 30,
        ReductionFactor = 3,
        Training = TrainOptions.Default with
        {
            Threads = 1,
            Progress = new Count(() =>
            {
                if (Interlocked.Increment(ref spent) >= budget)
                {
                    stop.Cancel();
                }
            }),
        },
    };

    using var storage = new InMemoryStudyStorage();
    var study = Tuner.Open(DigitsStudyConfig.SearchSpace.Definition, options, storage);
    var clock = Stopwatch.StartNew();
    try
    {
        await Tuner.RunAsync(
            study,
            (config, trial, token) => new ValueTask<double>(TrainingObjective.Value(config.Train(train, validation, options.Training with { Seed = trial.Seed, Trial = trial }, token), token)),
            options,
            stop.Token);
    }
    catch (OperationCanceledException)
    {
        // The budget is spent: the trial in flight is interrupted, as Optuna's study.stop() leaves it.
    }

    double wall = clock.Elapsed.TotalSeconds;
    var trials = study.Trials;
    double bestComplete = trials.Where(t => t.State == TrialState.Complete).Select(t => t.Value!.Value).DefaultIfEmpty(double.NaN).Min();
    double bestReached = trials.SelectMany(t => t.IntermediateValues.Values).DefaultIfEmpty(double.NaN).Min();
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        tool = "hypertune",
        sampler = sampler.ToString(),
        pruner = pruner.ToString(),
        seed,
        best_complete = bestComplete,
        best_reached = bestReached,
        wall_s = Math.Round(wall, 2),
        trials = trials.Count,
        epochs = spent,
    }));
}

/// <summary>Counts epochs as the generated loop reports them.</summary>
internal sealed class Count(Action onEpoch) : IProgress<EpochRecord>
{
    public void Report(EpochRecord value) => onEpoch();
}
