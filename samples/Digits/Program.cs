using System.Diagnostics;
using System.Globalization;
using Digits;
using HyperTune;
using HyperTune.Plots;
using Spectre.Console;

// The main job: a tuning study of a digit classifier on real data (UCI digits, bundled in data/), run
// by the tuner HyperTune generated for DigitsConfig (TPE + Hyperband, two trials at a time), stored in
// SQLite so that it resumes, then the best config retrained, tested, saved and reported.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = MainJobOptions.Parse(args, out int exitCode);
if (options is null)
{
    return exitCode;
}

if (Console.IsOutputRedirected)
{
    // A log, not a terminal: long lines stay whole, and the study is shown once, when it ends.
    AnsiConsole.Profile.Width = 240;
}

string output = Path.GetFullPath(options.Output);
Directory.CreateDirectory(output);
var data = Dataset.FromCsv(Path.Combine(AppContext.BaseDirectory, "data", "digits.csv"));
var (train, validation, test) = DigitsSplits.Split(data, options.Seed);
AnsiConsole.MarkupLine($"UCI digits: {data.Count} images of {data.FeatureCount} pixels, {data.ClassCount} classes; " +
                       $"{train.Count} to train, {validation.Count} to validate, {test.Count} held out for the test.");
AnsiConsole.MarkupLine($"Search space of DigitsConfig ({DigitsConfig.SearchSpace.DimensionCount} dimensions): " +
                       Markup.Escape(string.Join("; ", DigitsConfig.SearchSpace.Dimensions)));

const string studyName = "digits";
int target = options.Quick ? Math.Min(options.Trials, 6) : options.Trials;
string storage = options.Storage ?? Path.Combine(output, "study.db");
int kept = options.Fresh ? 0 : FinishedTrials(storage, studyName, options.Storage is not null);
AnsiConsole.MarkupLine(kept > 0
    ? $"[bold]Resuming[/] study '{studyName}' in {Markup.Escape(storage)}: {kept} finished trial(s) kept, running the {Math.Max(0, target - kept)} it lacks (--fresh starts over)."
    : $"New study '{studyName}' in {Markup.Escape(options.Storage is null ? storage : "the PostgreSQL database")}: {target} trials, {options.Sampler} + {options.Pruner}, {options.Parallel} at a time.");

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var display = new StudyDisplay();
var tuneOptions = new TuneOptions
{
    Trials = target,
    Sampler = options.Sampler,
    Pruner = options.Pruner,
    Seed = options.Seed,
    DegreeOfParallelism = options.Parallel,
    StudyName = studyName,
    Storage = storage,
    StartFresh = options.Fresh,
    Progress = display,
};

var clock = Stopwatch.StartNew();
Study<DigitsConfig> study;
try
{
    study = Console.IsOutputRedirected
        ? await DigitsConfig.Tune(train, validation, tuneOptions, cancel.Token)
        : await AnsiConsole.Live(display.Render(TimeSpan.Zero)).StartAsync(async live =>
    {
        var tuning = DigitsConfig.Tune(train, validation, tuneOptions, cancel.Token);
        while (!tuning.IsCompleted)
        {
            live.UpdateTarget(display.Render(clock.Elapsed));
            await Task.WhenAny(tuning, Task.Delay(250));
        }

        live.UpdateTarget(display.Render(clock.Elapsed));
        return await tuning;
    });
    if (Console.IsOutputRedirected)
    {
        AnsiConsole.Write(display.Render(clock.Elapsed));
    }
}
catch (OperationCanceledException)
{
    AnsiConsole.MarkupLine($"[yellow]Stopped.[/] Finished trials are saved in {Markup.Escape(storage)}; the running ones will be retried. Run the same command again to resume.");
    return 130;
}

AnsiConsole.Write(StudyDisplay.Leaderboard(study, 10));
if (!study.TryGetBest(out var best))
{
    AnsiConsole.MarkupLine("[red]No trial completed[/]: nothing to retrain. See the failed trials' messages in the report.");
    return 1;
}

// The best config, retrained on training and validation data together for the epochs its trial found
// best (early stopping has no validation data to watch now), then tested once on the held-out split.
var config = best.Config;
config.Epochs = BestEpochs(best);
AnsiConsole.MarkupLine($"Best trial #{best.Number}: validation loss {best.Value:0.0000} ({Markup.Escape(StudyDisplay.Describe(best.Parameters))}); " +
                       $"retraining on {train.Count + validation.Count} images for {config.Epochs} epochs.");
#pragma warning disable HT0002 // No validation set on purpose: the study chose the epochs; the test split is kept for the final score.
var final = config.Train(DigitsSplits.Combine(train, validation), null, TrainOptions.Default with { Seed = options.Seed }, cancel.Token);
#pragma warning restore HT0002
var score = final.Model.Evaluate(test);
AnsiConsole.MarkupLine($"[bold]Test accuracy[/] on {test.Count} held-out images: [bold]{score.Accuracy:P2}[/] (log-loss {score.Loss:0.0000}).");

string modelPath = Path.Combine(output, "digits.model");
final.Model.Save(modelPath);
var reloaded = TrainedModel.Load(modelPath);
bool same = reloaded.PredictClasses(test).SequenceEqual(final.Model.PredictClasses(test));
AnsiConsole.MarkupLine($"Model saved to {Markup.Escape(modelPath)}; reloaded, it predicts the test split {(same ? "identically" : "[red]DIFFERENTLY[/]")}.");

var snapshot = study.Snapshot();
File.WriteAllText(Path.Combine(output, "trials.csv"), StudyExport.ToCsv(snapshot));
File.WriteAllText(Path.Combine(output, "trials.json"), StudyExport.ToJson(snapshot));
var plots = StudyPlots.WriteAll(snapshot, Path.Combine(output, "plots"));
// The numbers the importance plot draws: PED-ANOVA with what random top sets reach by chance discounted.
// When none beats chance (few complete trials: most are pruned), say so, and give Optuna's undiscounted
// shares for comparison rather than a verdict.
var importance = ParameterImportance.PedAnova(snapshot);
int completeTrials = snapshot.Count(TrialState.Complete);
if (importance.Count > 1 && importance.All(i => i.Importance == importance[0].Importance))
{
    var undiscounted = ParameterImportance.PedAnova(snapshot, discountChance: false);
    AnsiConsole.MarkupLine($"Parameter importance (PED-ANOVA, {completeTrials} complete trials): no parameter beats chance yet. Optuna's undiscounted shares: "
        + Markup.Escape(string.Join(", ", undiscounted.Select(i => $"{i.Parameter} {i.Importance:0.00}"))));
}
else
{
    AnsiConsole.MarkupLine($"Parameter importance (PED-ANOVA, {completeTrials} complete trials, chance discounted): "
        + Markup.Escape(string.Join(", ", importance.Select(i => $"{i.Parameter} {i.Importance:0.00}"))));
}
AnsiConsole.MarkupLine($"Report in {Markup.Escape(output)}: trials.csv, trials.json, digits.model and {plots.Count} plots in plots/. Total {clock.Elapsed.TotalSeconds:0} s.");
return same ? 0 : 1;

static int FinishedTrials(string storage, string study, bool server)
{
    if (!server && !File.Exists(storage))
    {
        return 0;
    }

    return StudyStore.ListStudies(storage).Contains(study)
        ? StudyStore.Load(storage, study).Trials.Count(t => t.State is TrialState.Complete or TrialState.Pruned)
        : 0;
}

static int BestEpochs(Trial<DigitsConfig> trial) =>
    trial.IntermediateValues.Count == 0 ? trial.Config.Epochs : trial.IntermediateValues.MinBy(p => p.Value).Key;
