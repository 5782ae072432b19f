using System.Diagnostics;
using System.Globalization;
using Digits;
using HyperTune;

// The main job: a small tuning study of a digit classifier on real data (UCI digits, bundled in
// data/), with the search space and the training loop that HyperTune generated for DigitsConfig.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int trials = args.Length > 0 && int.TryParse(args[0], out int n) ? n : 20;
const int seed = 2026;

var data = Dataset.FromCsv(Path.Combine(AppContext.BaseDirectory, "data", "digits.csv"));
var (development, test) = data.Split(0.8, seed);
var (train, validation) = development.Split(0.8, seed + 1);
Console.WriteLine($"UCI digits: {data.Count} images of {data.FeatureCount} pixels, {data.ClassCount} classes; " +
                  $"{train.Count} to train, {validation.Count} to validate, {test.Count} held out for the test.");

Console.WriteLine();
Console.WriteLine($"Search space of {nameof(DigitsConfig)} (fingerprint {DigitsConfig.SearchSpace.Fingerprint[..12]}…):");
foreach (var dimension in DigitsConfig.SearchSpace.Dimensions)
{
    Console.WriteLine($"  {dimension}");
}

Console.WriteLine($"  a grid with 5 points a range has {DigitsConfig.SearchSpace.CountGrid():N0} configs; " +
                  $"the learning rate alone gives {string.Join(", ", DigitsConfig.SearchSpace.Grid().Select(c => c.LearningRate).Distinct())}.");

// Random search: sample configs, train each on the same split, keep the best validation loss.
Console.WriteLine();
Console.WriteLine($"Random search, {trials} trials (early stopping on the validation loss):");
var random = new Random(seed);
var study = new List<(int Trial, DigitsConfig Config, TrainingResult Result)>();
for (int trial = 0; trial < trials; trial++)
{
    var config = DigitsConfig.SearchSpace.Sample(random);
    var clock = Stopwatch.StartNew();
    var result = config.Train(train, validation, new TrainOptions { Seed = seed });
    study.Add((trial, config, result));
    var best = result.BestEpoch is int b ? result.History[b] : result.History[^1];
    Console.WriteLine($"  #{trial}: lr {config.LearningRate:0.#####} batch {config.BatchSize,3} {config.HiddenLayers}x{config.HiddenUnits,-3} " +
                      $"{config.Optimizer,-8}{(config.Optimizer == OptimizerKind.Momentum ? $" m {config.Momentum:0.00}" : "       ")} wd {config.WeightDecay:0.0e0}" +
                      $" -> val loss {best.ValidationLoss:0.0000} acc {best.ValidationAccuracy:P1} " +
                      $"({result.History.Count} epochs, {result.StopReason}{(result.Failed ? ", FAILED" : "")}, {clock.Elapsed.TotalSeconds:0.0}s)");
}

var winner = study.Where(t => !t.Result.Failed && t.Result.BestValidationLoss is not null).MinBy(t => t.Result.BestValidationLoss!.Value);
if (winner.Config is null)
{
    Console.WriteLine("Every trial failed; nothing to retrain.");
    return 1;
}

// Retrain the best config with per-epoch progress, then test it once on the held-out set.
Console.WriteLine();
Console.WriteLine($"Best trial #{winner.Trial}; retraining it with progress:");
var progress = new ConsoleProgress();
var final = winner.Config.Train(train, validation, new TrainOptions { Seed = seed, Progress = progress });
Console.WriteLine($"Stopped: {final.StopReason} after {final.History.Count} epochs; best epoch {final.BestEpoch} " +
                  $"(validation loss {final.BestValidationLoss:0.0000}), its weights restored.");
var testScore = final.Model.Evaluate(test);
Console.WriteLine($"Test accuracy on {test.Count} held-out images: {testScore.Accuracy:P2} (loss {testScore.Loss:0.0000}).");

string curves = Path.GetFullPath("digits-learning-curves.svg");
LearningCurves.Write(curves, $"DigitsConfig trial #{winner.Trial}: test accuracy {testScore.Accuracy:P1}", final);
string scatter = Path.GetFullPath("digits-study.svg");
StudyPlot.Write(scatter, $"{trials} trials: best validation loss against learning rate",
    study.Select(t => (t.Config.LearningRate, t.Result.Failed ? null : t.Result.BestValidationLoss, $"#{t.Trial}: {t.Config.Optimizer}, batch {t.Config.BatchSize}")).ToList());
Console.WriteLine($"Learning curves: {curves}");
Console.WriteLine($"The study at a glance: {scatter}");
return 0;

/// <summary>Prints each epoch as it ends, on the training thread.</summary>
internal sealed class ConsoleProgress : IProgress<EpochRecord>
{
    public void Report(EpochRecord r) =>
        Console.WriteLine($"  epoch {r.Epoch,3}  step {r.Step,6}  lr {r.LearningRate:0.000000}  train loss {r.TrainLoss:0.0000}  " +
                          $"val loss {r.ValidationLoss:0.0000}  val acc {r.ValidationAccuracy:P1}");
}
