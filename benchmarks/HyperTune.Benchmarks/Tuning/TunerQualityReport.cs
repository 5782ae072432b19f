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
        int parallel = int.Parse(Option(args, "--parallel") ?? "1", CultureInfo.InvariantCulture);
        Console.WriteLine($"{seeds} seeds; {parallel} trial(s) at a time; .NET {Environment.Version}; load average {LoadAverage()}");
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
                    runs[seed] = parallel == 1
                        ? SamplerHarness.Run(TunerSamplers.Create(name), problem.Dimensions, problem.Function, problem.Trials, seed)
                        : RunParallel(TunerSamplers.Create(name), problem, seed, parallel);
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

    /// <summary>
    /// A study with <paramref name="parallel"/> trials in flight, as parallel workers run it: each trial is
    /// proposed while the previous <paramref name="parallel"/> − 1 are still running (their points in the
    /// history, their values not), and a trial's value arrives when <paramref name="parallel"/> − 1 more
    /// have been proposed. Best-so-far is counted in finishing order.
    /// </summary>
    public static double[] RunParallel(HyperTune.Tuning.ISampler sampler, TunerProblem problem, int seed, int parallel)
    {
        var space = new HyperTune.Tuning.UnitSpace(problem.Dimensions);
        var history = new List<HyperTune.Tuning.TrialRecord>();
        var values = new double[problem.Trials];
        var best = new double[problem.Trials];
        double bestSoFar = double.PositiveInfinity;
        int finished = 0;
        for (int number = 0; number < problem.Trials + parallel - 1; number++)
        {
            if (number < problem.Trials)
            {
                var context = new HyperTune.Tuning.SamplerContext(space, history, Direction.Minimize, number, HyperTune.Tuning.TrialSeeds.SamplerRandom(seed, number), 10);
                double[] unit = sampler.Propose(context)!.Unit;
                space.MarkInactive(unit);
                values[number] = problem.Function(unit);
                history.Add(SamplerHarness.Complete(space, number, unit, 0, TrialState.Running));
            }

            int done = number - parallel + 1;
            if (done >= 0)
            {
                history[done] = SamplerHarness.Complete(space, done, history[done].Unit, values[done]);
                bestSoFar = Math.Min(bestSoFar, values[done]);
                best[finished++] = bestSoFar;
            }
        }

        return best;
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
