using System.Diagnostics;
using System.Globalization;
using HyperTune;
using HyperTune.Network;
using HyperTune.Training;

// Usage: HyperTune.ThreadPlacement [rounds] [seconds between rounds]
// 784-256-10, batch 256, 4,096 rows of uniform features, SGD: the case of TrainOptions.Threads' target.
if (Environment.ProcessorCount < 2)
{
    Console.Error.WriteLine("Two threads need two processors: this machine has one.");
    return 1;
}

int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
int pause = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
const int Rows = 4096, Inputs = 784, Hidden = 256, Outputs = 10, Batch = 256;
const int BlocksPerRound = 12, StepsPerBlock = 100, WarmupSteps = 10;

var random = new Random(7);
float[][] features = Enumerable.Range(0, Rows).Select(_ => Enumerable.Range(0, Inputs).Select(_ => (random.NextSingle() * 2) - 1).ToArray()).ToArray();
int[] labels = Enumerable.Range(0, Rows).Select(_ => random.Next(Outputs)).ToArray();
var data = Dataset.Classification(features, labels, Outputs);
var network = new DenseNetwork(Inputs, Outputs, TaskKind.Classification, hiddenLayers: 1, hiddenUnits: Hidden, seed: 1);
network.EnsureBatchCapacity(Batch);
IOptimizer optimizer = OptimizerFactory.Create(OptimizerKind.Sgd, network.ParameterCount);
var sampler = new MiniBatchSampler(data, Batch, seed: 3);
sampler.Shuffle();
int next = 0;

void Steps(int count)
{
    for (int s = 0; s < count; s++)
    {
        if (next == sampler.BatchCount)
        {
            sampler.Shuffle();
            next = 0;
        }

        network.ForwardBackward(sampler.GetBatch(next++));
        optimizer.Step(network.Parameters, network.Gradients, 0.001f);
    }
}

Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} processors; 784-256-10, batch {Batch}, SGD; median µs a step over {BlocksPerRound / 2} blocks of {StepsPerBlock} steps each way, alternating");
Console.WriteLine("| round | core-to-core round trip (ns) | 1 thread (µs) | 2 threads (µs) | 1 / 2 |");
Console.WriteLine("|---|---|---|---|---|");
for (int round = 1; round <= rounds; round++)
{
    double roundTrip = RoundTrip.Nanoseconds();
    var times = new Dictionary<int, List<double>> { [1] = [], [2] = [] };
    for (int block = 0; block < BlocksPerRound; block++)
    {
        int threads = (block % 2 == 0) ^ (block / 2 % 2 == 0) ? 2 : 1; // 1 2 2 1 1 2 ...: neither side always goes first
        using IDisposable scope = KernelThreads.Use(threads);
        Steps(WarmupSteps);
        long start = Stopwatch.GetTimestamp();
        Steps(StepsPerBlock);
        times[threads].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / StepsPerBlock);
    }

    double one = Median(times[1]), two = Median(times[2]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {round} | {roundTrip:F0} | {one:F0} | {two:F0} | {one / two:F2} |"));
    if (round < rounds) Thread.Sleep(TimeSpan.FromSeconds(pause));
}

return 0;

static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}

/// <summary>
/// A cache line passed back and forth between two spinning threads: about 100-200 ns between cores
/// that share an L3, 400-500 ns between core complexes on the machine this was written on.
/// </summary>
internal static class RoundTrip
{
    private const int Exchanges = 100_000;
    private static int s_flag;

    public static double Nanoseconds()
    {
        Volatile.Write(ref s_flag, 0);
        var other = new Thread(() =>
        {
            for (int i = 0; i < Exchanges; i++)
            {
                while (Volatile.Read(ref s_flag) != (2 * i) + 1) Thread.SpinWait(1);
                Volatile.Write(ref s_flag, (2 * i) + 2);
            }
        }) { IsBackground = true };
        other.Start();
        while (other.ThreadState == System.Threading.ThreadState.Unstarted) Thread.Yield();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < Exchanges; i++)
        {
            Volatile.Write(ref s_flag, (2 * i) + 1);
            while (Volatile.Read(ref s_flag) != (2 * i) + 2) Thread.SpinWait(1);
        }

        double elapsed = Stopwatch.GetElapsedTime(start).TotalNanoseconds;
        other.Join();
        return elapsed / Exchanges;
    }
}
