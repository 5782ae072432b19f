using System.Globalization;
using HyperTune;
using Ridge;

// A model without a network, tuned the same way: ridge regression on the diabetes data, each config
// scored by 5-fold cross-validated RMSE in a user objective, searched by the generated RidgeConfig.Tune.
// Usage: dotnet run -c Release --project samples/Ridge [-- --quick]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
bool quick = args.Contains("--quick");
string data = Path.Combine(AppContext.BaseDirectory, "data");
var (features, targets) = Diabetes.Load(Path.Combine(data, "diabetes_data_raw.csv"), Path.Combine(data, "diabetes_target.csv"));
Console.WriteLine($"Diabetes: {targets.Length} patients, {features[0].Length} raw features; target 25..346 (std {Diabetes.StandardDeviation(targets):0.0}).");

const int folds = 5, seed = 11;
var baseline = new RidgeConfig();
double baselineRmse = RidgeRegression.CrossValidatedRmse(baseline, features, targets, folds, seed, CancellationToken.None);
Console.WriteLine($"Untuned (alpha {baseline.Alpha}, degree {baseline.Degree}, standardised): {folds}-fold RMSE {baselineRmse:0.00}.");

var study = await RidgeConfig.Tune(
    (config, trial, token) => new ValueTask<double>(RidgeRegression.CrossValidatedRmse(config, features, targets, folds, seed, token)),
    new TuneOptions { Trials = quick ? 8 : 40, Sampler = SamplerKind.Tpe, Seed = seed });

foreach (var trial in study.Trials.OrderBy(t => t.Value).Take(5))
{
    Console.WriteLine($"  #{trial.Number,2}: alpha {trial.Config.Alpha,10:0.0000} degree {trial.Config.Degree} standardise {trial.Config.Standardize,-5} -> RMSE {trial.Value:0.00}");
}

var best = study.Best;
Console.WriteLine($"Tuned in {study.Trials.Count} trials: alpha {best.Config.Alpha:0.0000}, degree {best.Config.Degree}, standardise {best.Config.Standardize}: " +
                  $"{folds}-fold RMSE {best.Value:0.00} against {baselineRmse:0.00} untuned.");
return best.Value <= baselineRmse ? 0 : 1;
