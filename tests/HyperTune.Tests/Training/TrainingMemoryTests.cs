using HyperTune.Generated;
using HyperTune.Network;
using HyperTune.Tests.Data;

namespace HyperTune.Tests.Training;

/// <summary>
/// The generated <c>Train</c> hands its run's buffers back, the next run reuses them, and reuse
/// changes no result: every reused buffer starts as a fresh one would.
/// </summary>
public class TrainingMemoryTests
{
    [Fact]
    public void Generated_Train_hands_its_buffers_back_and_the_next_call_reuses_them_with_identical_results()
    {
        var (train, validation) = TestData.Digits().Split(0.8, seed: 11);
        var adam = new DigitsConfig { Epochs = 3, Optimizer = OptimizerKind.Adam, HiddenUnits = 300 };
        var other = new DigitsConfig { Epochs = 2, Optimizer = OptimizerKind.Momentum, HiddenUnits = 301, BatchSize = 64 };
        var options = new TrainOptions { Seed = 4, Threads = 1 };

        int returned = ScratchPool<float>.ReturnedOnThisThread;
        TrainingResult first = adam.Train(train, validation, options);

        // Parameters, gradients, Adam's two moments, the batch buffer, and the row order (ints).
        Assert.True(ScratchPool<float>.ReturnedOnThisThread - returned >= 5, $"{ScratchPool<float>.ReturnedOnThisThread - returned} float buffers handed back");

        // Another shape in between leaves its own values in the pooled arrays.
        other.Train(train, validation, options);
        int reused = ScratchPool<float>.ReusedOnThisThread;
        TrainingResult second = adam.Train(train, validation, options);

        Assert.True(ScratchPool<float>.ReusedOnThisThread - reused >= 4, $"{ScratchPool<float>.ReusedOnThisThread - reused} float buffers reused");
        Assert.Equal(first.History, second.History);
        Assert.Equal(first.Model.Predict(validation), second.Model.Predict(validation));
    }

    [Fact]
    public void Recycled_objects_refuse_to_be_used_and_others_are_left_alone()
    {
        var network = new DenseNetwork(300, 10, TaskKind.Classification, hiddenLayers: 1, hiddenUnits: 200, seed: 1);
        IOptimizer adam = OptimizerFactory.Create(OptimizerKind.Adam, network.ParameterCount);
        IOptimizer momentum = OptimizerFactory.Create(OptimizerKind.Momentum, network.ParameterCount);
        var data = Dataset.Classification(Enumerable.Range(0, 64).Select(i => Enumerable.Range(0, 300).Select(j => (float)((i * j) % 7)).ToArray()).ToArray(), Enumerable.Range(0, 64).Select(i => i % 10).ToArray(), 10);
        var sampler = new MiniBatchSampler(data, 16, seed: 2);
        sampler.Shuffle();
        network.ForwardBackward(sampler.GetBatch(0));
        adam.Step(network.Parameters, network.Gradients, 0.01f);
        float[] gradients = network.Gradients.ToArray();

        TrainingMemory.Recycle(adam);
        TrainingMemory.Recycle(sampler);
        IOptimizer sgd = new SgdOptimizer();
        TrainingMemory.Recycle(sgd); // nothing to hand back

        Assert.Throws<ObjectDisposedException>(() => adam.Step(network.Parameters, gradients, 0.01f));
        Assert.Throws<ObjectDisposedException>(() => sampler.GetBatch(1));
        sgd.Step(network.Parameters, gradients, 0.01f);
        momentum.Step(network.Parameters, gradients, 0.01f);

        TrainingMemory.Recycle(momentum);
        TrainingMemory.Recycle(network);
        Assert.Throws<ObjectDisposedException>(() => momentum.Step(new float[gradients.Length], gradients, 0.01f));
        Assert.Throws<ObjectDisposedException>(() => network.Parameters.Length);
    }

    [Fact]
    public void A_weight_snapshot_is_rented_at_least_as_long_as_asked_and_comes_back_for_the_next_run()
    {
        float[] first = TrainingMemory.RentWeights(100_003);
        Assert.True(first.Length >= 100_003);
        TrainingMemory.Recycle(first);
        TrainingMemory.Recycle((float[]?)null); // no snapshot was taken: nothing to hand back

        float[] second = TrainingMemory.RentWeights(100_003);
        Assert.Same(first, second);
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingMemory.RentWeights(-1));
    }

    [Fact]
    public void A_network_of_your_own_stays_usable_after_training()
    {
        var (train, validation) = TestData.Digits().Split(0.8, seed: 12);
        var network = new DenseNetwork(train.FeatureCount, 10, TaskKind.Classification, hiddenLayers: 1, hiddenUnits: 32, seed: 3);
        var config = new DigitsConfig { Epochs = 2 };

        config.Train(network, train, validation);
        float[] trained = network.Parameters.ToArray();
        TrainingResult again = config.Train(network, train, validation);

        Assert.Equal(2, again.History.Count);
        Assert.False(trained.AsSpan().SequenceEqual(network.Parameters), "the second run trained the same network further");
    }
}
