using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using HyperTune.Tests.Tuning;
using HyperTune.Tuning;
using HyperTune.Tuning.GaussianProcess;

namespace HyperTune.Benchmarks.Tuning;

/// <summary>
/// The Gaussian-process sampler's cost per proposal (everything but the objective) after 50, 100 and
/// 200 trials of a study it ran itself, on Branin (2 dimensions) and Hartmann-6. The history is built
/// once per case; each iteration proposes the next trial from the same context.
/// </summary>
[MemoryDiagnoser]
public class GaussianProcessBenchmarks
{
    private GaussianProcessSampler _sampler = null!;
    private GaussianProcessStudy.History _history = null!;

    [Params("Branin", "Hartmann6")]
    public string Function { get; set; } = "Branin";

    [Params(50, 100, 200)]
    public int Trials { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sampler = new GaussianProcessSampler();
        _history = GaussianProcessStudy.Run(_sampler, GaussianProcessStudy.Problem(Function), Trials, seed: 1);
    }

    [Benchmark]
    public double[]? Propose() => _sampler.Propose(_history.NextContext(seed: 1))?.Unit;
}

/// <summary>Our dense Cholesky factor against MathNet.Numerics' on the kernel matrices the fit factors.</summary>
[MemoryDiagnoser]
public class CholeskyBenchmarks
{
    private double[] _a = null!;
    private double[] _l = null!;
    private global::MathNet.Numerics.LinearAlgebra.Matrix<double> _matrix = null!;

    [Params(50, 100, 200)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var points = new double[N * 6];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = random.NextDouble();
        }

        _a = new double[N * N];
        _l = new double[N * N];
        for (int i = 0; i < N; i++)
        {
            for (int j = 0; j < N; j++)
            {
                double r2 = 0;
                for (int d = 0; d < 6; d++)
                {
                    double diff = points[(i * 6) + d] - points[(j * 6) + d];
                    r2 += 4 * diff * diff;
                }

                _a[(i * N) + j] = Matern52Kernel.Value(r2) + (i == j ? 1e-4 : 0);
            }
        }

        _matrix = global::MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(N, N, (i, j) => _a[(i * N) + j]);
    }

    [Benchmark(Baseline = true)]
    public bool HyperTune() => DenseLinearAlgebra.Cholesky(_a, _l, N);

    [Benchmark]
    public object MathNetCholesky() => _matrix.Cholesky();
}

/// <summary>
/// Runs the sampler on Branin and Hartmann-6 over many seeds, as a study at degree of parallelism 1 does,
/// and prints the median and quartiles of best-so-far at 10/25/50/100 trials and the time per proposal.
/// Run: <c>dotnet run -c Release --project benchmarks/HyperTune.Benchmarks -- gp-quality [seeds]</c> (seeds 0: the cost figures only).
/// </summary>
internal static class GaussianProcessStudy
{
    public const double BraninOptimum = TestFunctions.BraninOptimum;
    public const double Hartmann6Optimum = TestFunctions.Hartmann6Optimum;

    public delegate double UnitFunction(ReadOnlySpan<double> unit);

    public sealed record TestProblem(string Name, IReadOnlyList<Dimension> Dimensions, UnitFunction Function);

    public static TestProblem Problem(string name) => name switch
    {
        "Branin" => new TestProblem(name, TestFunctions.BraninSpace, TestFunctions.Branin),
        "Hartmann6" => new TestProblem(name, TestFunctions.Hartmann6Space, TestFunctions.Hartmann6),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Branin or Hartmann6."),
    };

    /// <summary>A study's trials so far, and the contexts its next trials get.</summary>
    public sealed class History(UnitSpace space, List<TrialRecord> trials, double[] bestSoFar, double[] proposeMilliseconds)
    {
        public UnitSpace Space { get; } = space;

        public List<TrialRecord> Trials { get; } = trials;

        public double[] BestSoFar { get; } = bestSoFar;

        public double[] ProposeMilliseconds { get; } = proposeMilliseconds;

        public SamplerContext NextContext(int seed) =>
            new(Space, Trials, Direction.Minimize, Trials.Count, TrialSeeds.SamplerRandom(seed, Trials.Count), 10);
    }

    public static History Run(ISampler sampler, TestProblem problem, int trials, int seed)
    {
        var space = new UnitSpace(problem.Dimensions);
        var history = new List<TrialRecord>();
        var best = new double[trials];
        var milliseconds = new double[trials];
        double bestSoFar = double.PositiveInfinity;
        var clock = new Stopwatch();
        for (int number = 0; number < trials; number++)
        {
            var context = new SamplerContext(space, history, Direction.Minimize, number, TrialSeeds.SamplerRandom(seed, number), 10);
            clock.Restart();
            var proposal = sampler.Propose(context) ?? throw new InvalidOperationException("No proposal.");
            clock.Stop();
            milliseconds[number] = clock.Elapsed.TotalMilliseconds;
            double[] unit = (double[])proposal.Unit.Clone();
            space.MarkInactive(unit);
            double value = problem.Function(unit);
            history.Add(new TrialRecord(
                number, TrialState.Complete, unit, ParameterText.FromUnit(space, unit), value, new SortedDictionary<int, double>(),
                DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, TrialSeeds.ForTrial(seed, number), null, null, null, null, false, "bench"));
            bestSoFar = Math.Min(bestSoFar, value);
            best[number] = bestSoFar;
        }

        return new History(space, history, best, milliseconds);
    }

    public static void Run(string[] args)
    {
        int seeds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
        Console.WriteLine($"Gaussian process, {seeds} seeds, {Environment.ProcessorCount} cores, load {ReadLoad()}");
        var sampler = new GaussianProcessSampler();
        foreach (var (name, trials) in new[] { ("Branin", 50), ("Hartmann6", 100) }.Where(_ => seeds > 0))
        {
            var problem = Problem(name);
            var runs = new List<History>();
            var wall = Stopwatch.StartNew();
            for (int seed = 0; seed < seeds; seed++)
            {
                runs.Add(Run(sampler, problem, trials, seed));
            }

            Console.WriteLine($"{name} ({trials} trials, {wall.Elapsed.TotalSeconds:F1} s): best-so-far median [q1, q3]");
            foreach (int checkpoint in new[] { 10, 25, 50, 100 }.Where(c => c <= trials))
            {
                double[] values = runs.Select(r => r.BestSoFar[checkpoint - 1]).Order().ToArray();
                Console.WriteLine($"  {checkpoint,4}: {Quantile(values, 0.5):F4} [{Quantile(values, 0.25):F4}, {Quantile(values, 0.75):F4}]");
            }

            Console.Write("  propose ms, median over seeds, at trial:");
            foreach (int at in new[] { 11, 25, 50, 100 }.Where(c => c <= trials))
            {
                Console.Write($" {at}: {Quantile(runs.Select(r => r.ProposeMilliseconds[at - 1]).Order().ToArray(), 0.5):F2}");
            }

            Console.WriteLine();
        }

        // Per-proposal cost at 50/100/200 trials: one history per function, then repeated proposals.
        foreach (string name in new[] { "Branin", "Hartmann6" })
        {
            var history = Run(sampler, Problem(name), 200, seed: 1);
            Console.WriteLine($"{name}: one proposal after n trials, median of 15: wall ms (fastest) / thread CPU ms (fastest)");
            foreach (int n in new[] { 50, 100, 200 })
            {
                var subset = new History(history.Space, history.Trials.Take(n).ToList(), history.BestSoFar, history.ProposeMilliseconds);
                var times = new double[15];
                var cpu = new double[15];
                for (int k = 0; k < times.Length; k++)
                {
                    var clock = Stopwatch.StartNew();
                    double c0 = ThreadCpuMilliseconds();
                    sampler.Propose(subset.NextContext(seed: k));
                    cpu[k] = ThreadCpuMilliseconds() - c0;
                    times[k] = clock.Elapsed.TotalMilliseconds;
                }

                Array.Sort(times);
                Array.Sort(cpu);
                Console.WriteLine($"  {n}: {times[times.Length / 2]:F2} ({times[0]:F2}) / {cpu[cpu.Length / 2]:F2} ({cpu[0]:F2})");
                Breakdown(history, n, 7);
            }
        }
    }

    /// <summary>The calling thread's CPU time (Linux), which a loaded machine inflates far less than wall time.</summary>
    public static double ThreadCpuMilliseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        ClockGetTime(3, out var spec); // CLOCK_THREAD_CPUTIME_ID
        return (spec.Seconds * 1e3) + (spec.Nanoseconds / 1e6);
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec spec);

    /// <summary>Where a proposal's time goes: the fit, the model, the acquisition search (thread CPU ms, median of repeats).</summary>
    private static void Breakdown(History history, int n, int repeats)
    {
        var trials = history.Trials.Take(n).ToList();
        var space = new GaussianProcessSpace(history.Space);
        int dimensions = space.Count;
        var points = new double[n * dimensions];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            space.Encode(trials[i].Unit, points.AsSpan(i * dimensions, dimensions));
            y[i] = -trials[i].Value!.Value;
        }

        GaussianProcessSampler.Standardize(y);
        var options = new GaussianProcessOptions();
        var fit = new double[repeats];
        var model = new double[repeats];
        var acquisition = new double[repeats];
        var screening = new double[repeats];
        var screeningOnly = options.Acquisition with { LocalSearches = 1, MaxIterations = 0, Rounds = 1 };
        int evaluations = 0;
        double incumbent = y.Max();
        int best = Array.IndexOf(y, incumbent);
        for (int k = 0; k < repeats; k++)
        {
            double t0 = ThreadCpuMilliseconds();
            int[] rows = GaussianProcessSampler.FitRows(y, options.MaxFitPoints);
            KernelParameters parameters;
            using (var likelihood = new MarginalLikelihood(points, dimensions, rows, y, space.IsCategorical))
            {
                parameters = KernelFit.Fit(likelihood, dimensions, options.Fit, out var statistics);
                evaluations = statistics.Evaluations;
            }

            double t1 = ThreadCpuMilliseconds();
            using var posterior = new GaussianProcessPosterior(points, n, dimensions, y, space.IsCategorical, parameters);
            double t2 = ThreadCpuMilliseconds();
            new AcquisitionOptimizer(space, posterior, incumbent).Maximize(new Random(k), points.AsSpan(best * dimensions, dimensions), options.Acquisition, out _);
            double t3 = ThreadCpuMilliseconds();
            new AcquisitionOptimizer(space, posterior, incumbent).Maximize(new Random(k), default, screeningOnly, out _);
            screening[k] = ThreadCpuMilliseconds() - t3;
            fit[k] = t1 - t0;
            model[k] = t2 - t1;
            acquisition[k] = t3 - t2;
        }

        Array.Sort(fit);
        Array.Sort(model);
        Array.Sort(acquisition);
        Array.Sort(screening);
        {
            // The candidate stage's parts: kernel rows alone, means without variances, everything.
            using var posterior = new GaussianProcessPosterior(points, n, dimensions, y, space.IsCategorical, KernelParameters.FromRaw(new double[dimensions + 2]));
            var random = new Random(1);
            var candidates = new double[2048 * dimensions];
            for (int i = 0; i < 2048; i++)
            {
                space.Sample(random, candidates.AsSpan(i * dimensions, dimensions));
            }

            var r2 = new double[n];
            var row = new double[n];
            var columns = new double[n * dimensions];
            var means = new double[2048];
            var variances = new double[2048];
            double c0 = ThreadCpuMilliseconds();
            for (int i = 0; i < 2048; i++)
            {
                Matern52Kernel.SquaredDistances(candidates.AsSpan(i * dimensions, dimensions), columns, n, new double[dimensions], space.IsCategorical, r2);
            }

            double c1 = ThreadCpuMilliseconds();
            for (int i = 0; i < 2048; i++)
            {
                Matern52Kernel.Evaluate(r2, row, default);
            }

            double c2 = ThreadCpuMilliseconds();
            posterior.PredictMany(candidates, double.PositiveInfinity, means, variances);
            double c3 = ThreadCpuMilliseconds();
            posterior.PredictMany(candidates, double.NegativeInfinity, means, variances);
            double c4 = ThreadCpuMilliseconds();
            Console.WriteLine($"    2048 candidates: distances {c1 - c0:F2} ms, Matérn {c2 - c1:F2} ms, means only {c3 - c2:F2} ms, means and variances {c4 - c3:F2} ms");
        }

        Console.WriteLine($"    n={n}: fit {fit[repeats / 2]:F2} ms ({evaluations} evaluations), model {model[repeats / 2]:F2} ms, acquisition {acquisition[repeats / 2]:F2} ms of which random candidates {screening[repeats / 2]:F2} ms (thread CPU, median of {repeats})");
    }

    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }

    private static string ReadLoad()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
