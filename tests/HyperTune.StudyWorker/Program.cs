using System.Globalization;
using HyperTune;
using HyperTune.StudyWorker;

// Usage: HyperTune.StudyWorker <storage> <study> <trials> <sampler> <seed> <delay ms> [parallel]
// Prints "finished <number> <state>" for each trial this process finished (after it is stored),
// then "done <finished trials in the study>".
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string storage = args[0], study = args[1];
int trials = int.Parse(args[2], CultureInfo.InvariantCulture);
var sampler = Enum.Parse<SamplerKind>(args[3]);
int seed = int.Parse(args[4], CultureInfo.InvariantCulture);
int delay = int.Parse(args[5], CultureInfo.InvariantCulture);
int parallel = args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 1;
var options = new TuneOptions
{
    Storage = storage,
    StudyName = study,
    Trials = trials,
    Sampler = sampler,
    Seed = seed,
    DegreeOfParallelism = parallel,
    HeartbeatInterval = TimeSpan.FromMilliseconds(200),
    StaleTrialTimeout = TimeSpan.FromSeconds(2),
    Progress = new Printer(),
};

var result = await WorkerConfig.Tune(
    async (config, context, token) =>
    {
        await Task.Delay(delay, token);
        return config.Branin();
    },
    options);
Console.WriteLine($"done {result.Trials.Count(t => t.State is TrialState.Complete or TrialState.Pruned)}");

/// <summary>Prints each finished trial at once (the progress report comes after the storage has it).</summary>
internal sealed class Printer : IProgress<TuneProgress>
{
    public void Report(TuneProgress value)
    {
        lock (this)
        {
            Console.WriteLine($"finished {value.TrialNumber} {value.TrialState}");
            Console.Out.Flush();
        }
    }
}
