using System.Globalization;
using HyperTune.Tests.Tuning;
using HyperTune.Tuning;

namespace HyperTune.Benchmarks.Tuning;

/// <summary>
/// The sampler's cost over a whole study, measured as <c>benchmarks/optuna/tuner_peer.py</c> measures
/// Optuna's: every trial is timed from the ask (the proposal, its inactive coordinates marked, its
/// parameters as text) to the tell (the finished record appended to the in-memory history), the
/// objective excluded; reported as the mean over the study and over its last 10% of trials, the median
/// of a few repeats, in the thread's CPU time (<see cref="ThreadCpuClock"/>), so that the figures hold on
/// a loaded machine. (The lead's in-memory storage replaces the plain list when it lands.)
/// Run: <c>dotnet run -c Release -- tuner-overhead [--repeats 3] [--samplers TPE,Random]</c>.
/// </summary>
internal static class TunerOverheadReport
{
    public static void Run(string[] args)
    {
        int repeats = int.Parse(TunerQualityReport.Option(args, "--repeats") ?? "3", CultureInfo.InvariantCulture);
        var samplers = TunerQualityReport.Option(args, "--samplers")?.Split(',') ?? TunerSamplers.Default;
        var sizes = (TunerQualityReport.Option(args, "--trials") ?? "100,1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        Console.WriteLine($"{repeats} repeats; .NET {Environment.Version}; load average {TunerQualityReport.LoadAverage()}; {(ThreadCpuClock.IsAvailable ? "thread CPU time" : "wall time")}");
        Console.WriteLine("| Function | Sampler | Trials | ms/trial (mean over the study) | ms/trial (last 10% of trials) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var problem in TunerProblem.All)
        {
            foreach (string name in samplers)
            {
                Study(TunerSamplers.Create(name), problem, 30, seed: 1000); // warm-up: JIT and tiered compilation
                foreach (int trials in sizes)
                {
                    var means = new double[repeats];
                    var lasts = new double[repeats];
                    for (int r = 0; r < repeats; r++)
                    {
                        var times = Study(TunerSamplers.Create(name), problem, trials, seed: r);
                        means[r] = times.Average();
                        lasts[r] = times.Skip(trials - (trials / 10)).Average();
                    }

                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {problem.Name} | {name} | {trials} | {TunerQualityReport.Percentile(means, 50):G3} | {TunerQualityReport.Percentile(lasts, 50):G3} |"));
                }
            }
        }
    }

    /// <summary>Runs one study and returns each trial's ask-to-tell time in milliseconds.</summary>
    public static double[] Study(ISampler sampler, TunerProblem problem, int trials, int seed)
    {
        var space = new UnitSpace(problem.Dimensions);
        var history = new List<TrialRecord>(trials);
        var times = new double[trials];
        for (int number = 0; number < trials; number++)
        {
            long start = ThreadCpuClock.Nanoseconds();
            var context = new SamplerContext(space, history, Direction.Minimize, number, TrialSeeds.SamplerRandom(seed, number), 10);
            double[] unit = sampler.Propose(context)!.Unit;
            space.MarkInactive(unit);
            var parameters = ParameterText.FromUnit(space, unit);
            long asked = ThreadCpuClock.Nanoseconds();
            double value = problem.Function(unit);
            long evaluated = ThreadCpuClock.Nanoseconds();
            history.Add(SamplerHarness.Complete(space, number, unit, value) with { Parameters = parameters });
            long told = ThreadCpuClock.Nanoseconds();
            times[number] = ((asked - start) + (told - evaluated)) / 1e6;
        }

        return times;
    }
}
