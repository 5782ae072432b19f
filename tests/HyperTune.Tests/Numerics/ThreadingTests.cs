using HyperTune.Numerics;
using HyperTune.Optimizers;

namespace HyperTune.Tests.Numerics;

/// <summary>
/// <see cref="KernelThreads"/>: products and updates split among threads give the same bits as one
/// thread (on shapes whose rows, panels and vectors all have tails), work below the thresholds
/// stays on the calling thread, and the rule that shares the processors among open scopes.
/// </summary>
public class ThreadingTests
{
    /// <summary>m, k, n above the threshold: column splits with a narrow remainder, row splits with a short last tile.</summary>
    public static TheoryData<int, int, int, TestPath> LargeShapes()
    {
        var data = new TheoryData<int, int, int, TestPath>();
        int[][] shapes = [[150, 333, 203], [1701, 517, 10], [930, 130, 70], [109, 300, 257], [73, 900, 129]];
        foreach (TestPath path in new[] { TestPath.Vector512, TestPath.Vector512Packed, TestPath.Vector, TestPath.Scalar })
        {
            foreach (int[] s in shapes) data.Add(s[0], s[1], s[2], path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LargeShapes))]
    public void Products_are_bit_identical_for_1_2_and_3_threads(int m, int k, int n, TestPath path)
    {
        Assert.True((long)m * k * n >= Gemm.ParallelThreshold);
        float[] a = TestData.Uniform(m * k, 1), b = TestData.Uniform(k * n, 2), bias = TestData.Uniform(n, 3);
        float[] stored = TestData.Uniform(n * k, 4), start = TestData.Uniform(m * n, 5);

        float[][] Run(int threads)
        {
            using var scope = KernelThreads.Use(threads, capToProcessors: false);
            long before = KernelThreads.Team?.Dispatches ?? 0;
            var nn = new float[m * n];
            Gemm.MultiplyNN(a, b, nn, m, k, n, GemmStart.Bias, bias, (KernelPath)path);
            var tn = (float[])start.Clone();
            Gemm.MultiplyTN(TestData.Uniform(k * m, 6), b, tn, m, k, n, GemmStart.Accumulate, path: (KernelPath)path);
            var nt = new float[m * n];
            Gemm.MultiplyNT(a, stored, nt, m, k, n, new float[k * n], path: (KernelPath)path);
            if (threads > 1) Assert.Equal(before + 3, KernelThreads.Team!.Dispatches);
            return [nn, tn, nt];
        }

        float[][] one = Run(1);
        foreach (int threads in new[] { 2, 3 })
        {
            float[][] many = Run(threads);
            for (int product = 0; product < 3; product++) AssertBits(one[product], many[product]);
        }
    }

    [Fact]
    public void Small_products_and_updates_stay_on_the_calling_thread()
    {
        using var scope = KernelThreads.Use(2, capToProcessors: false);
        WorkerTeam team = KernelThreads.Team!;
        long before = team.Dispatches;

        // 256 x 64 x 128 = 2.1 M multiply-adds: a 64-128-10 network's largest product at batch 256;
        // 32 x 784 x 256 = 6.4 M: 784-256-10's first layer at batch 32.
        Gemm.MultiplyNN(TestData.Uniform(256 * 64, 1), TestData.Uniform(64 * 128, 2), new float[256 * 128], 256, 64, 128);
        Gemm.MultiplyNN(TestData.Uniform(32 * 784, 1), TestData.Uniform(784 * 256, 2), new float[32 * 256], 32, 784, 256);
        // One panel and one tile: nothing to split even above the threshold.
        Gemm.MultiplyNN(TestData.Uniform(6 * 150000, 1), TestData.Uniform(150000 * 10, 2), new float[6 * 10], 6, 150000, 10);
        int small = OptimizerKernels.ParallelThreshold - 1;
        OptimizerKernels.Sgd(new float[small], new float[small], 0.1f, 0f);
        Assert.Equal(before, team.Dispatches);

        // 42 x 784 x 256 = 8.43 M: just above the threshold.
        Gemm.MultiplyNN(TestData.Uniform(42 * 784, 1), TestData.Uniform(784 * 256, 2), new float[42 * 256], 42, 784, 256);
        Assert.Equal(before + 1, team.Dispatches);
        OptimizerKernels.Sgd(new float[small + 1], new float[small + 1], 0.1f, 0f);
        Assert.Equal(before + 2, team.Dispatches);
    }

    /// <summary>Thousands of back-to-back dispatches of varying part counts: every part runs exactly once per dispatch.</summary>
    [Fact]
    public void Every_part_of_every_dispatch_runs_exactly_once()
    {
        using var scope = KernelThreads.Use(3, capToProcessors: false);
        WorkerTeam team = KernelThreads.Team!;
        var work = new CountingWork(64);
        for (int dispatch = 1; dispatch <= 5000; dispatch++)
        {
            int parts = 2 + (dispatch % 63);
            Array.Clear(work.Runs);
            team.Run(work, parts);
            for (int part = 0; part < work.Runs.Length; part++)
            {
                Assert.Equal(part < parts ? 1 : 0, work.Runs[part]);
            }
        }
    }

    private sealed class CountingWork(int capacity) : ParallelWork
    {
        public int[] Runs { get; } = new int[capacity];

        public override void Run(int part) => Interlocked.Increment(ref Runs[part]);
    }

    [Fact]
    public void One_thread_runs_without_a_team()
    {
        using (KernelThreads.Use(1))
        {
            Assert.Null(KernelThreads.Team);
            Assert.Equal(1, KernelThreads.Current);
        }

        Assert.Equal(1, KernelThreads.Current);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Use_refuses_fewer_than_one_thread(int threads)
        => Assert.Equal("threads", Assert.Throws<ArgumentOutOfRangeException>(() => KernelThreads.Use(threads)).ParamName);

    [Fact]
    public void Scopes_nest_and_restore()
    {
        using (KernelThreads.Use(3, capToProcessors: false))
        {
            Assert.Equal(3, KernelThreads.Current);
            using (KernelThreads.Use(2, capToProcessors: false)) Assert.Equal(2, KernelThreads.Current);
            Assert.Equal(3, KernelThreads.Current);
        }

        Assert.Equal(1, KernelThreads.Current);
    }

    [Theory]
    [InlineData(8, 0, 8, 8)] // one run alone may use the machine
    [InlineData(16, 0, 8, 8)] // never more than the processors
    [InlineData(8, 8, 8, 1)] // a run started beside one that took the machine: its own thread only
    [InlineData(8, 3, 8, 5)] // what is left
    [InlineData(1, 0, 8, 1)] // a tuner's trial
    [InlineData(4, 12, 8, 1)] // oversubscribed already (trials of one thread each): still one
    public void Grant_shares_the_processors_among_open_scopes(int requested, int reserved, int processors, int expected)
        => Assert.Equal(expected, KernelThreads.Grant(requested, reserved, processors));

    /// <summary>Every optimiser's update over 2²⁰ + 17 parameters (a tail past every vector and unit), split or not.</summary>
    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Momentum)]
    [InlineData(OptimizerKind.Nesterov)]
    [InlineData(OptimizerKind.AdaGrad)]
    [InlineData(OptimizerKind.RmsProp)]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.AdamW)]
    public void Updates_are_bit_identical_for_1_2_and_3_threads(OptimizerKind kind)
    {
        const int count = (1 << 20) + 17;
        float[] Run(int threads)
        {
            using var scope = KernelThreads.Use(threads, capToProcessors: false);
            float[] parameters = TestData.Uniform(count, 1);
            IOptimizer optimizer = OptimizerFactory.Create(kind, count, weightDecay: 0.01);
            for (int step = 0; step < 3; step++) optimizer.Step(parameters, TestData.Uniform(count, 10 + step), 0.01f);
            return parameters;
        }

        float[] one = Run(1);
        AssertBits(one, Run(2));
        AssertBits(one, Run(3));
    }

    /// <summary>A network with tails everywhere (130 rows, 300 inputs, 257 hidden, 10 classes), Adam, dropout: 5 steps.</summary>
    [Fact]
    public void Training_steps_are_bit_identical_for_1_2_and_3_threads()
    {
        const int rows = 130, inputs = 300, hidden = 257, classes = 10;
        float[] features = TestData.Uniform(rows * inputs, 7);
        int[] labels = Enumerable.Range(0, rows).Select(i => (i * 7) % classes).ToArray();

        (float[] Parameters, float[] Losses, float[] Predictions) Run(int threads)
        {
            using var scope = KernelThreads.Use(threads, capToProcessors: false);
            var network = new DenseNetwork(inputs, classes, TaskKind.Classification, hiddenLayers: 2, hiddenUnits: hidden, dropout: 0.2, seed: 3);
            var optimizer = new AdamOptimizer(network.ParameterCount);
            var losses = new float[5];
            for (int step = 0; step < losses.Length; step++)
            {
                losses[step] = network.ForwardBackward(new MiniBatch(features, inputs, labels));
                optimizer.Step(network.Parameters, network.Gradients, 0.001f);
            }

            var predictions = new float[rows * classes];
            network.Predict(features, rows, predictions);
            return (network.Parameters.ToArray(), losses, predictions);
        }

        var one = Run(1);
        foreach (int threads in new[] { 2, 3 })
        {
            var many = Run(threads);
            AssertBits(one.Parameters, many.Parameters);
            AssertBits(one.Losses, many.Losses);
            AssertBits(one.Predictions, many.Predictions);
        }
    }

    /// <summary>
    /// After a step whose weight gradients were split, the network's update is split too (one part a
    /// thread, along the gradient's rows), although its 203,530 parameters are far below the flat
    /// threshold; after a step that split nothing, the update stays on the calling thread.
    /// </summary>
    [Fact]
    public void An_update_after_a_split_step_follows_the_steps_rows()
    {
        using var scope = KernelThreads.Use(2, capToProcessors: false);
        WorkerTeam team = KernelThreads.Team!;
        var network = new DenseNetwork(784, 10, TaskKind.Classification, hiddenLayers: 1, hiddenUnits: 256, seed: 1);
        var optimizer = new AdamOptimizer(network.ParameterCount);
        Assert.True(network.ParameterCount < OptimizerKernels.ParallelThreshold);

        network.ForwardBackward(Batch(rows: 256));
        long before = team.Dispatches;
        optimizer.Step(network.Parameters, network.Gradients, 0.001f);
        Assert.Equal(before + 1, team.Dispatches);

        network.ForwardBackward(Batch(rows: 32)); // 784 x 32 x 256 = 6.4 M: nothing split
        before = team.Dispatches;
        optimizer.Step(network.Parameters, network.Gradients, 0.001f);
        Assert.Equal(before, team.Dispatches);

        // Another array of the same length is not the network's: not split.
        network.ForwardBackward(Batch(rows: 256));
        before = team.Dispatches;
        optimizer.Step(new float[network.ParameterCount], new float[network.ParameterCount], 0.001f);
        Assert.Equal(before, team.Dispatches);

        static MiniBatch Batch(int rows) =>
            new(TestData.Uniform(rows * 784, 9), 784, Enumerable.Range(0, rows).Select(i => i % 10).ToArray());
    }

    /// <summary>Whatever the matrices, their split and the thread count, the update's parts cover every parameter exactly once.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public unsafe void A_layout_partition_covers_every_parameter_once(int threads)
    {
        int layoutsFound = 0;
        using var scope = KernelThreads.Use(threads, capToProcessors: false);
        // 784-256-10 and 300-257-257-10 with biases after each matrix, and a matrix at offset 0 with nothing after it.
        (int Length, int[] Offsets, int[] Rows, int[] Columns)[] layouts =
        [
            (203_530, [0, 200_960], [784, 256], [256, 10]),
            (146_408, [0, 77_357, 143_663], [300, 257, 257], [257, 257, 10]),
            (7 * 10_000, [0], [7], [10_000]),
            (8_192 + 1_290, [0, 8_192], [64, 128], [128, 10]), // 64-128-10: split products, too few weights to split the update
        ];
        foreach (var (length, offsets, rows, columns) in layouts)
        {
            var layout = new ParameterLayout(length, offsets, rows, columns);
            float[] parameters = GC.AllocateArray<float>(length, pinned: true);
            foreach (int batch in new[] { 1, 32, 256, 5000 })
            {
                layout.Declare(parameters, batch);
                ParameterLayout? found;
                fixed (float* pointer = parameters) found = ParameterLayout.Find(pointer, length, KernelThreads.Team!);
                long splitParameters = Enumerable.Range(0, offsets.Length)
                    .Where(i => (long)rows[i] * batch * columns[i] >= Gemm.ParallelThreshold)
                    .Sum(i => (long)rows[i] * columns[i]);
                Assert.Equal(splitParameters >= ParameterLayout.MinSplitParameters, found is not null);
                if (found is null) continue;
                layoutsFound++;
                var segments = new List<UpdateSegment>();
                var starts = new int[threads + 1];
                found.Partition(segments, starts);
                var covered = new int[length];
                for (int part = 0; part < threads; part++)
                {
                    for (int s = starts[part]; s < starts[part + 1]; s++)
                    {
                        for (int i = segments[s].Start; i < segments[s].Start + segments[s].Length; i++) covered[i]++;
                    }
                }

                Assert.All(covered, count => Assert.Equal(1, count));
            }
        }

        Assert.Equal(6, layoutsFound); // batches 256 and 5000 of the first three layouts (32: at most 6.4 M multiply-adds, not split); none of the fourth
    }

    private static void AssertBits(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"Element {i}: {expected[i]:R} on one thread, {actual[i]:R} split.");
        }
    }
}

/// <summary>The generated loop enters a <see cref="KernelThreads"/> scope with <see cref="TrainOptions.Threads"/>.</summary>
public class GeneratedLoopThreadingTests
{
    [Fact]
    public void Train_gives_the_same_history_whatever_the_thread_count()
    {
        var random = new Random(5);
        float[][] rows = Enumerable.Range(0, 256).Select(_ => Enumerable.Range(0, 120).Select(_ => random.NextSingle()).ToArray()).ToArray();
        int[] labels = Enumerable.Range(0, rows.Length).Select(i => i % 10).ToArray();
        var data = Dataset.Classification(rows, labels, 10);
        var config = new ThreadedConfig();

        TrainingResult one = config.Train(data, data, new TrainOptions { Threads = 1 });
        TrainingResult two = config.Train(data, data, new TrainOptions { Threads = 2 });
        Assert.Equal(one.History.Select(r => (r.TrainLoss, r.ValidationLoss)), two.History.Select(r => (r.TrainLoss, r.ValidationLoss)));
    }
}

/// <summary>Large enough (256 x 120 x 300 products, 39k parameters) for the split products.</summary>
public partial class ThreadedConfig
{
    [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; } = 0.001;
    [BatchSize(16, 64, 256)] public int BatchSize { get; set; } = 256;
    [Epochs(2)] public int Epochs { get; set; } = 2;
    [HiddenUnits(16, 512)] public int HiddenUnits { get; set; } = 300;
    [Optimizer(OptimizerKind.Sgd, OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;
}
