using System.Diagnostics;
using System.Globalization;
using HyperTune.Tests.Tuning;

namespace HyperTune.Benchmarks.Tuning;

/// <summary>
/// The quality half of the tuner suite (not a timing benchmark, so not BenchmarkDotNet): each sampler on
/// Branin (50 trials) and Hartmann-6 (100 trials) over 20 seeds, driven through <c>ISampler</c> one trial
/// at a time as a study at degree of parallelism 1 drives it (<see cref="SamplerHarness"/>); prints the
/// quartiles of best-so-far at 10/25/50/100 trials as a Markdown table (numpy's linear interpolation,
/// as <c>benchmarks/optuna/tuner_peer.py</c> computes Optuna's).
/// Run: <c>dotnet run -c Release -- tuner-quality [--seeds 20] [--samplers TPE,Random]</c>.
/// </summary>
internal static class TunerQualityReport
{
    private static readonly int[] s_checkpoints = [10, 25, 50, 100];

    public static void Run(string[] args)
    {
        int seeds = int.Parse(Option(args, "--seeds") ?? "20", CultureInfo.InvariantCulture);
        var samplers = Option(args, "--samplers")?.Split(',') ?? TunerSamplers.Default;
        var problems = Option(args, "--problems")?.Split(',').Select(TunerProblem.Named).ToArray() ?? TunerProblem.All;
        Console.WriteLine($"{seeds} seeds; .NET {Environment.Version}; load average {LoadAverage()}");
        Console.WriteLine("| Function | Sampler | Trials | Q1 | Median | Q3 |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var problem in problems)
        {
            foreach (string name in samplers)
            {
                var watch = Stopwatch.StartNew();
                var runs = new double[seeds][];
                for (int seed = 0; seed < seeds; seed++)
                {
                    runs[seed] = SamplerHarness.Run(TunerSamplers.Create(name), problem.Dimensions, problem.Function, problem.Trials, seed);
                }

                foreach (int checkpoint in s_checkpoints.Where(c => c <= problem.Trials))
                {
                    var column = runs.Select(run => run[checkpoint - 1]).ToArray();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {problem.Name} | {name} | {checkpoint} | {Percentile(column, 25):G4} | {Percentile(column, 50):G4} | {Percentile(column, 75):G4} |"));
                }

                Console.Error.WriteLine($"{problem.Name} {name}: {watch.Elapsed.TotalSeconds:F1} s");
            }
        }
    }

    /// <summary>The p-th percentile with linear interpolation between order statistics (numpy's default).</summary>
    public static double Percentile(double[] values, double p)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        double rank = p / 100 * (sorted.Length - 1);
        int low = (int)Math.Floor(rank);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((rank - low) * (sorted[high] - sorted[low]));
    }

    public static string? Option(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
