using System.CommandLine;
using HyperTune;

namespace Digits;

/// <summary>The main job's command line: what to tune, how, and where the study and its report go.</summary>
internal sealed record MainJobOptions(
    int Trials, int Parallel, int Seed, SamplerKind Sampler, PrunerKind Pruner, string Output, bool Fresh, string? Storage, bool Quick)
{
    /// <summary>Parses the command line; <see langword="null"/> when it only printed help or an error (the exit code is set).</summary>
    public static MainJobOptions? Parse(string[] args, out int exitCode)
    {
        var trials = new Option<int>("--trials") { Description = "Finished trials (complete or pruned) the study aims for.", DefaultValueFactory = _ => 200 };
        var parallel = new Option<int>("--parallel") { Description = "Trials run at once, one thread each.", DefaultValueFactory = _ => 2 };
        var seed = new Option<int>("--seed") { Description = "The study's seed: the same seed proposes the same trials.", DefaultValueFactory = _ => 2026 };
        var sampler = new Option<SamplerKind>("--sampler") { Description = "Tpe, Random, Grid or GaussianProcess.", DefaultValueFactory = _ => SamplerKind.Tpe };
        var pruner = new Option<PrunerKind>("--pruner") { Description = "Hyperband, SuccessiveHalving, Median or None.", DefaultValueFactory = _ => PrunerKind.Hyperband };
        var output = new Option<string>("--out") { Description = "The folder for the study (study.db) and its report.", DefaultValueFactory = _ => "digits-study" };
        var fresh = new Option<bool>("--fresh") { Description = "Start the study over instead of resuming it." };
        var storage = new Option<string?>("--storage") { Description = "Share the study through PostgreSQL (a connection string): run this on as many machines as you like." };
        var quick = new Option<bool>("--quick") { Description = "At most 6 trials: a smoke test of the whole job." };
        foreach (var count in new[] { trials, parallel })
        {
            count.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() < 1)
                {
                    r.AddError($"{count.Name} must be at least 1.");
                }
            });
        }

        var root = new RootCommand("Tunes a digit classifier on the bundled UCI digits with HyperTune's generated tuner, resumably, and writes a report.")
        {
            trials, parallel, seed, sampler, pruner, output, fresh, storage, quick,
        };
        MainJobOptions? parsed = null;
        root.SetAction(result => parsed = new MainJobOptions(
            result.GetValue(trials), result.GetValue(parallel), result.GetValue(seed), result.GetValue(sampler), result.GetValue(pruner),
            result.GetValue(output)!, result.GetValue(fresh), result.GetValue(storage), result.GetValue(quick)));
        exitCode = root.Parse(args).Invoke();
        return parsed;
    }
}
