using System.Diagnostics;
using System.Globalization;
using HyperTune;

// Fresh-process throughput of the generated Train, call by call: what a script or a tuning trial
// feels, where BenchmarkDotNet's warmed-up steady state does not apply. The parent launches this
// program again as child processes; each child trains the same config `--calls` times on the same
// synthetic data and prints samples/s for each call. Runs alternate between the variants (default
// runtime settings, DOTNET_TieredCompilation=0, ...) so that a change of machine load hits every
// variant alike; the table gives the median over the repetitions and the ratio to the fully
// optimised variant (tiered compilation off). See docs/performance.md.
return args.Length > 0 && args[0] == "--child" ? Child.Run(args) : Parent.Run(args);

/// <summary>The config every child trains: SGD or Adam, the shape's hidden units, 2 epochs by default.</summary>
public partial class FirstCallConfig
{
    [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; } = 0.01;
    [BatchSize(32, 64, 128, 256)] public int BatchSize { get; set; } = 32;
    [Epochs(2)] public int Epochs { get; set; } = 2;
    [HiddenUnits(16, 512, Scale.Log)] public int HiddenUnits { get; set; } = 128;
    [Optimizer(OptimizerKind.Sgd, OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; }
}

internal static class Child
{
    public static int Run(string[] args)
    {
        var options = Options.Parse(args.AsSpan(1));
        string[] shape = options.Get("shape", "64-128-10").Split('-');
        int inputs = int.Parse(shape[0], CultureInfo.InvariantCulture);
        int hidden = int.Parse(shape[1], CultureInfo.InvariantCulture);
        int classes = int.Parse(shape[2], CultureInfo.InvariantCulture);
        int rows = options.GetInt("rows", 8192);
        int calls = options.GetInt("calls", 5);
        var optimizer = Enum.Parse<OptimizerKind>(options.Get("optimizer", "Sgd"));
        var config = new FirstCallConfig
        {
            BatchSize = options.GetInt("batch", 32),
            Epochs = options.GetInt("epochs", 2),
            HiddenUnits = hidden,
            Optimizer = optimizer,
            LearningRate = optimizer == OptimizerKind.Sgd ? 0.01 : 0.0005,
        };
        var trainOptions = new TrainOptions { Threads = options.GetInt("threads", 1) };
        Dataset train = Synthetic(rows, inputs, classes, seed: 1);
        Dataset validation = Synthetic(Math.Max(rows / 8, classes), inputs, classes, seed: 2);

        for (int call = 1; call <= calls; call++)
        {
            TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            TrainingResult result = config.Train(train, validation, trainOptions);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
            if (result.History.Count != config.Epochs) throw new InvalidOperationException($"Call {call} trained {result.History.Count} epochs, not {config.Epochs}.");
            double samples = (double)rows * config.Epochs;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"call {call} {samples / seconds:F1} {samples / cpuSeconds:F1}"));
        }

        return 0;
    }

    private static Dataset Synthetic(int rows, int inputs, int classes, int seed)
    {
        var random = new Random(seed);
        var features = new float[rows][];
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            var row = new float[inputs];
            for (int j = 0; j < inputs; j++) row[j] = (random.NextSingle() * 2) - 1;
            features[i] = row;
            labels[i] = i % classes;
        }

        return Dataset.Classification(features, labels, classes);
    }
}

internal static class Parent
{
    /// <summary>DOTNET_ settings that change how code is compiled; cleared for every child, then set per variant.</summary>
    private static readonly string[] s_jitSettings =
    [
        "TieredCompilation", "TieredPGO", "TC_QuickJit", "TC_QuickJitForLoops", "OSR_HitLimit", "TC_CallCountThreshold",
        "TC_CallCountingDelayMs", "ReadyToRun", "TC_BackgroundWorkerTimeoutMs", "TC_AggressiveTiering",
    ];

    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        if (options.Has("help"))
        {
            Console.WriteLine("""
                HyperTune.FirstCalls: samples/s per Train call in fresh processes.
                  --cases 64-128-10:32:Sgd,784-256-10:64:Sgd   shape:batch:optimizer, comma-separated
                  --reps 5          repetitions of every (case, variant), alternating
                  --calls 5         Train calls in each child
                  --rows N          training rows (default: 32768 for inputs < 256, else 4096); validation = rows / 8
                  --epochs 2        epochs a call
                  --threads 1       TrainOptions.Threads of every call
                  --variants default,tc0[,pgo0]   runtime settings: the defaults, DOTNET_TieredCompilation=0, DOTNET_TieredPGO=0;
                                    name@N also sets the child's threads (tc0@1,tc0@2 compares thread counts),
                                    name@N@Adam also its optimiser (tc0@1@Sgd,tc0@1@Adam)
                  --metric wall|cpu  samples per wall-clock second (default), or per second of the child's CPU time
                                    (all its threads, the JIT's included: robust to load, meaningful for one thread only)
                  --reference LABEL  the variant the others are divided by (default TC=0, else the first)
                  --compare LABEL[@N[@Adam]]=path/to/HyperTune.FirstCalls.dll   also run another build of this program (default settings;
                                    @N and @Adam as for --variants)
                """);
            return 0;
        }

        int reps = options.GetInt("reps", 5);
        // Samples per second of wall time, or per second of the process's CPU time (all its threads,
        // the JIT's included): the second barely moves with the machine's load, for one-thread runs.
        bool cpu = options.Get("metric", "wall") == "cpu";
        int calls = options.GetInt("calls", 5);
        string[] cases = options.Get("cases", "64-128-10:32:Sgd,784-256-10:64:Sgd").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var variants = new List<Variant>();
        foreach (string text in options.Get("variants", "default,tc0").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            // name[@threads[@optimizer]]: runtime settings, and optionally the child's TrainOptions.Threads and optimiser.
            string[] parts = text.Split('@');
            string? threads = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
            string? optimizer = parts.Length > 2 ? parts[2] : null;
            string suffix = (threads is null ? string.Empty : $" {threads}t") + (optimizer is null ? string.Empty : $" {optimizer}");
            variants.Add(parts[0] switch
            {
                "default" => new Variant("default" + suffix, null, [], threads, optimizer),
                "tc0" => new Variant("TC=0" + suffix, null, [("TieredCompilation", "0")], threads, optimizer),
                "pgo0" => new Variant("PGO=0" + suffix, null, [("TieredPGO", "0")], threads, optimizer),
                "r2r0" => new Variant("R2R=0" + suffix, null, [("ReadyToRun", "0")], threads, optimizer),
                _ => throw new ArgumentException($"Unknown variant '{text}'.", nameof(args)),
            });
        }

        foreach (string compare in options.GetAll("compare"))
        {
            int equals = compare.IndexOf('=');
            if (equals < 1) throw new ArgumentException($"--compare takes LABEL=path, not '{compare}'.", nameof(args));
            // LABEL[@threads[@optimizer]]=path: another build at its default runtime settings.
            string[] parts = compare[..equals].Split('@');
            string? threads = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
            string? optimizer = parts.Length > 2 ? parts[2] : null;
            string suffix = (threads is null ? string.Empty : $" {threads}t") + (optimizer is null ? string.Empty : $" {optimizer}");
            variants.Add(new Variant(parts[0] + suffix, Path.GetFullPath(compare[(equals + 1)..]), [], threads, optimizer));
        }

        Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} processors, load average at start: {LoadAverage()}");
        Console.WriteLine($"{reps} repetitions, {calls} calls a child, threads {options.Get("threads", "1")}, samples per {(cpu ? "CPU" : "wall-clock")} second, variants: {string.Join(", ", variants.Select(v => v.Label))}");
        foreach (string text in cases)
        {
            string[] parts = text.Split(':');
            string shape = parts[0];
            int inputs = int.Parse(shape.Split('-')[0], CultureInfo.InvariantCulture);
            int rows = options.GetInt("rows", inputs < 256 ? 32768 : 4096);
            string[] childArgs =
            [
                "--child", "--shape", shape, "--batch", parts.Length > 1 ? parts[1] : "32", "--optimizer", parts.Length > 2 ? parts[2] : "Sgd",
                "--calls", calls.ToString(CultureInfo.InvariantCulture), "--rows", rows.ToString(CultureInfo.InvariantCulture),
                "--epochs", options.Get("epochs", "2"), "--threads", options.Get("threads", "1"),
            ];

            var samples = variants.ToDictionary(v => v, _ => new List<double[]>());
            for (int rep = 0; rep < reps; rep++)
            {
                // Alternate the order too, so that neither variant always runs right after the other.
                IEnumerable<Variant> order = rep % 2 == 0 ? variants : Enumerable.Reverse(variants);
                foreach (Variant variant in order)
                {
                    samples[variant].Add(RunChild(variant, childArgs, calls, cpu));
                }
            }

            Variant reference = variants.FirstOrDefault(v => v.Label == options.Get("reference", "TC=0")) ?? variants[0];
            Console.WriteLine();
            Console.WriteLine($"{text}, {rows} rows x {options.Get("epochs", "2")} epochs a call: median samples/s over {reps} processes, and each variant as a fraction of {reference.Label}");
            var header = new List<string> { "call" };
            header.AddRange(variants.Select(v => v.Label));
            header.AddRange(variants.Where(v => v != reference).Select(v => $"{v.Label} / {reference.Label}"));
            Console.WriteLine("| " + string.Join(" | ", header) + " |");
            Console.WriteLine("|" + string.Concat(Enumerable.Repeat("---|", header.Count)));
            for (int call = 0; call < calls; call++)
            {
                var row = new List<string> { (call + 1).ToString(CultureInfo.InvariantCulture) };
                var medians = variants.ToDictionary(v => v, v => Median(samples[v].Select(s => s[call])));
                row.AddRange(variants.Select(v => Thousands(medians[v])));
                row.AddRange(variants.Where(v => v != reference).Select(v => (medians[v] / medians[reference]).ToString("P0", CultureInfo.InvariantCulture)));
                Console.WriteLine("| " + string.Join(" | ", row) + " |");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    private static double[] RunChild(Variant variant, string[] childArgs, int calls, bool cpu)
    {
        string self = variant.Assembly ?? typeof(Parent).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(self);
        foreach (string arg in childArgs) start.ArgumentList.Add(arg);
        if (variant.Threads is not null)
        {
            start.ArgumentList.Add("--threads");
            start.ArgumentList.Add(variant.Threads);
        }

        if (variant.Optimizer is not null)
        {
            start.ArgumentList.Add("--optimizer");
            start.ArgumentList.Add(variant.Optimizer);
        }

        foreach (string setting in s_jitSettings)
        {
            start.Environment.Remove("DOTNET_" + setting);
            start.Environment.Remove("COMPlus_" + setting);
        }

        foreach (var (name, value) in variant.Settings) start.Environment["DOTNET_" + name] = value;
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("The child did not start.");
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"The child ({variant.Label}) failed with exit code {process.ExitCode}: {error}");
        var result = new double[calls];
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Trim().Split(' ');
            if (parts.Length == 4 && parts[0] == "call")
            {
                result[int.Parse(parts[1], CultureInfo.InvariantCulture) - 1] = double.Parse(parts[cpu ? 3 : 2], CultureInfo.InvariantCulture);
            }
        }

        return result;
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Thousands(double value) => value >= 10_000
        ? (value / 1000).ToString("N0", CultureInfo.InvariantCulture) + "k"
        : value.ToString("N0", CultureInfo.InvariantCulture);

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private sealed record Variant(string Label, string? Assembly, (string Name, string Value)[] Settings, string? Threads, string? Optimizer);
}

/// <summary>--name value pairs.</summary>
internal sealed class Options
{
    private readonly List<(string Name, string Value)> _pairs = [];

    public static Options Parse(ReadOnlySpan<string> args)
    {
        var options = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Expected --name, not '{args[i]}'.", nameof(args));
            string name = args[i][2..];
            string value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            options._pairs.Add((name, value));
        }

        return options;
    }

    public bool Has(string name) => _pairs.Exists(p => p.Name == name);

    public string Get(string name, string fallback) => _pairs.FindLast(p => p.Name == name) is { Name: not null } pair ? pair.Value : fallback;

    public int GetInt(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public IEnumerable<string> GetAll(string name) => _pairs.Where(p => p.Name == name).Select(p => p.Value);
}
