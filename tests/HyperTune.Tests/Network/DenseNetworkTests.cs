using HyperTune.Network;
using HyperTune.Tests.Infrastructure;
using HyperTune.Tests.Numerics;

namespace HyperTune.Tests.Network;

/// <summary>The float network: it runs the same passes as the checked double reference, learns, is deterministic and allocation-free.</summary>
public class DenseNetworkTests
{
    public static TheoryData<int, int, TaskKind, Activation, double, int> Configurations() => new()
    {
        // hidden layers, units, task, activation, dropout, rows
        { 1, 128, TaskKind.Classification, Activation.Relu, 0, 32 },
        { 2, 37, TaskKind.Classification, Activation.Tanh, 0, 13 },
        { 2, 20, TaskKind.Regression, Activation.Relu, 0.2, 7 },
        { 0, 0, TaskKind.Regression, Activation.Tanh, 0, 65 },
        { 3, 16, TaskKind.Classification, Activation.Relu, 0.5, 64 },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Float_network_matches_the_gradient_checked_double_reference(int hidden, int units, TaskKind task, Activation activation, double dropout, int rows)
    {
        const int inputs = 23;
        int outputs = task == TaskKind.Classification ? 10 : 3;
        var network = new DenseNetwork(inputs, outputs, task, hidden, units, activation, dropout, seed: 5);
        var reference = new MlpCore<double, ReferenceKernels<double>>(inputs, hidden, units, outputs, task, activation, dropout, seed: 5);
        float[] noise = TestData.Uniform(network.ParameterCount, 3, -0.05f, 0.05f);
        for (int i = 0; i < noise.Length; i++)
        {
            network.Parameters[i] += noise[i];
            reference.Parameters[i] = network.Parameters[i];
        }

        float[] x = TestData.Uniform(rows * inputs, 4, -2f, 2f);
        int[] labels = Enumerable.Range(0, rows).Select(r => (r * 3) % outputs).ToArray();
        float[] targets = TestData.Uniform(rows * outputs, 6);
        MiniBatch batch = task == TaskKind.Classification ? new MiniBatch(x, inputs, labels) : new MiniBatch(x, inputs, targets, outputs);

        float loss = network.ForwardBackward(batch);
        double expectedLoss = reference.ForwardBackward(x.Select(v => (double)v).ToArray(), rows, labels, targets.Select(v => (double)v).ToArray());

        Assert.Equal(expectedLoss, loss, 1e-4 * Math.Max(1, expectedLoss));
        double scale = reference.Gradients.ToArray().Max(Math.Abs);
        for (int i = 0; i < network.ParameterCount; i++)
        {
            Assert.True(Math.Abs(network.Gradients[i] - reference.Gradients[i]) <= 1e-4 * scale,
                $"gradient {i}: {network.Gradients[i]} vs {reference.Gradients[i]}");
        }

        var predictions = new float[rows * outputs];
        var expected = new double[rows * outputs];
        network.Predict(x, rows, predictions);
        reference.Predict(x.Select(v => (double)v).ToArray(), rows, expected);
        for (int i = 0; i < predictions.Length; i++) Assert.Equal(expected[i], predictions[i], 1e-4);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Learns_XOR_with_a_hand_written_loop(int seed)
    {
        float[] x = [0, 0, 0, 1, 1, 0, 1, 1];
        int[] labels = [0, 1, 1, 0];
        var network = new DenseNetwork(2, 2, TaskKind.Classification, hiddenLayers: 1, hiddenUnits: 16, seed: seed);
        var optimizer = new AdamOptimizer(network.ParameterCount);
        float loss = float.NaN;
        for (int step = 0; step < 400; step++)
        {
            loss = network.ForwardBackward(new MiniBatch(x, 2, labels));
            Assert.True(float.IsFinite(loss));
            optimizer.Step(network.Parameters, network.Gradients, 0.05f);
        }

        Assert.True(loss < 0.05f, $"loss after training {loss}");
        var probabilities = new float[8];
        network.Predict(x, 4, probabilities);
        for (int r = 0; r < 4; r++)
        {
            Assert.True(probabilities[(r * 2) + labels[r]] > 0.9f, $"row {r}: {probabilities[r * 2]}, {probabilities[(r * 2) + 1]}");
        }
    }

    [Fact]
    public void Learns_a_linear_regression()
    {
        // y = 2a - b + 0.5, learnt by a linear model with SGD.
        var random = new Random(3);
        float[] x = Enumerable.Range(0, 64 * 2).Select(_ => random.NextSingle() * 2 - 1).ToArray();
        float[] y = Enumerable.Range(0, 64).Select(r => (2 * x[r * 2]) - x[(r * 2) + 1] + 0.5f).ToArray();
        var network = new DenseNetwork(2, 1, TaskKind.Regression, hiddenLayers: 0, seed: 1);
        var optimizer = new MomentumOptimizer(network.ParameterCount, 0.9);
        for (int step = 0; step < 300; step++)
        {
            network.ForwardBackward(new MiniBatch(x, 2, y, 1));
            optimizer.Step(network.Parameters, network.Gradients, 0.05f);
        }

        Assert.Equal(2f, network.Parameters[0], 1e-3f);
        Assert.Equal(-1f, network.Parameters[1], 1e-3f);
        Assert.Equal(0.5f, network.Parameters[2], 1e-3f);
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_parameters()
    {
        float[] Train(int seed)
        {
            var network = new DenseNetwork(20, 5, TaskKind.Classification, 2, 33, Activation.Relu, dropout: 0.3, seed: seed);
            var optimizer = new AdamWOptimizer(network.ParameterCount);
            float[] x = TestData.Uniform(48 * 20, 8);
            int[] labels = Enumerable.Range(0, 48).Select(r => r % 5).ToArray();
            for (int step = 0; step < 30; step++)
            {
                network.ForwardBackward(new MiniBatch(x, 20, labels));
                optimizer.Step(network.Parameters, network.Gradients, 0.01f);
            }

            return network.Parameters.ToArray();
        }

        float[] first = Train(42);
        float[] second = Train(42);
        Assert.True(first.AsSpan().SequenceEqual(second), "The same seed trained to different parameters.");
        Assert.False(first.AsSpan().SequenceEqual(Train(43)), "Different seeds trained to the same parameters.");
    }

    [Fact]
    public void Initialisation_follows_He_and_Glorot_bounds()
    {
        var relu = new DenseNetwork(100, 10, TaskKind.Classification, 1, 200, Activation.Relu, seed: 1);
        float he = MathF.Sqrt(6f / 100);
        float glorotOut = MathF.Sqrt(6f / (200 + 10));
        Span<float> first = relu.Parameters.Slice(0, 100 * 200);
        Assert.All(first.ToArray(), w => Assert.InRange(w, -he, he));
        Assert.True(first.ToArray().Max() > 0.9f * he, "He weights should fill their range.");
        Assert.All(relu.Parameters.Slice(100 * 200, 200).ToArray(), b => Assert.Equal(0f, b));
        Assert.All(relu.Parameters.Slice((100 * 200) + 200, 200 * 10).ToArray(), w => Assert.InRange(w, -glorotOut, glorotOut));

        var tanh = new DenseNetwork(100, 10, TaskKind.Classification, 1, 200, Activation.Tanh, seed: 1);
        float glorot = MathF.Sqrt(6f / 300);
        Assert.All(tanh.Parameters.Slice(0, 100 * 200).ToArray(), w => Assert.InRange(w, -glorot, glorot));
        Assert.True(tanh.Parameters.Slice(0, 100 * 200).ToArray().Max() > 0.9f * glorot);
    }

    [Fact]
    public void A_training_step_allocates_nothing()
    {
        var network = new DenseNetwork(64, 10, TaskKind.Classification, 2, 128, Activation.Tanh, dropout: 0.1, seed: 1);
        var optimizer = OptimizerFactory.Create(OptimizerKind.Adam, network.ParameterCount);
        float[] x = TestData.Uniform(64 * 64, 1);
        int[] labels = Enumerable.Range(0, 64).Select(r => r % 10).ToArray();
        network.EnsureBatchCapacity(64);
        for (int i = 0; i < 3; i++) Step();
        Assert.Equal(0, AllocationMeter.LeastAllocatedBytes(() =>
        {
            for (int i = 0; i < 50; i++) Step();
        }));

        void Step()
        {
            network.ForwardBackward(new MiniBatch(x, 64, labels));
            optimizer.Step(network.Parameters, network.Gradients, 0.001f);
        }
    }

    [Fact]
    public void Buffers_grow_once_for_a_bigger_batch_and_predict_in_chunks()
    {
        var network = new DenseNetwork(3, 2, TaskKind.Classification, 1, 5, seed: 2);
        float[] x = TestData.Uniform(1000 * 3, 3);
        int[] labels = new int[1000];
        network.ForwardBackward(new MiniBatch(x.AsSpan(0, 30), 3, labels.AsSpan(0, 10)));
        Assert.Equal(10, network.BatchCapacity);
        network.ForwardBackward(new MiniBatch(x.AsSpan(0, 3), 3, labels.AsSpan(0, 1)));
        Assert.Equal(10, network.BatchCapacity);

        var chunked = new float[2000];
        network.Predict(x, 1000, chunked);
        var single = new float[2];
        network.Predict(x.AsSpan(999 * 3, 3), 1, single);
        Assert.Equal(single, chunked[1998..]);
        for (int r = 0; r < 1000; r++) Assert.Equal(1f, chunked[r * 2] + chunked[(r * 2) + 1], 1e-6f);

        network.ForwardBackward(new MiniBatch(x.AsSpan(0, 60), 3, labels.AsSpan(0, 20)));
        Assert.Equal(20, network.BatchCapacity);
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_their_values()
    {
        Assert.Contains("0", Assert.Throws<ArgumentOutOfRangeException>(() => new DenseNetwork(0, 2, TaskKind.Classification)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DenseNetwork(2, 1, TaskKind.Classification));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DenseNetwork(2, 2, TaskKind.Classification, dropout: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DenseNetwork(2, 2, TaskKind.Classification, hiddenLayers: -1));
        var network = new DenseNetwork(2, 3, TaskKind.Classification, 1, 4);
        var wrongWidth = Assert.Throws<ArgumentException>(() => network.ForwardBackward(new MiniBatch(new float[3], 3, new int[1])));
        Assert.Contains("3 features", wrongWidth.Message);
        Assert.Throws<ArgumentException>(() => network.ForwardBackward(new MiniBatch(new float[2], 2, new float[3], 3)));
        var badLabel = Assert.Throws<ArgumentOutOfRangeException>(() => network.ForwardBackward(new MiniBatch(new float[4], 2, new[] { 0, 7 })));
        Assert.Contains("Row 1", badLabel.Message);
    }
}
