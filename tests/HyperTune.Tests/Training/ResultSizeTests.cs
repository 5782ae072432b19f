namespace HyperTune.Tests.Training;

using System.Runtime;
using HyperTune.Tests.Data;
using Xunit.Abstractions;

/// <summary>Alone, so that no other test allocates while the heap is measured.</summary>
[CollectionDefinition(nameof(HeapMeasurement), DisableParallelization = true)]
public sealed class HeapMeasurement;

/// <summary>A kept <see cref="TrainingResult"/> costs about its weights, not the training run's buffers.</summary>
[Collection(nameof(HeapMeasurement))]
public class ResultSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void A_kept_result_is_close_to_the_size_of_its_weights()
    {
        var (train, validation) = TestData.Digits().Split(0.8, seed: 1);
        var config = new DigitsConfig { Epochs = 30, HiddenUnits = 64, Optimizer = OptimizerKind.Adam };
        config.Train(train, validation); // warm up: statics, pools and JIT are not the result's

        const int kept = 8;
        var results = new TrainingResult[kept];
        for (int i = 0; i < kept; i++) results[i] = config.Train(train, validation, new TrainOptions { Seed = i });
        // Not Model.Network: that would build a trainable network, buffers and all, into the result.
        int features = train.FeatureCount, hidden = config.HiddenUnits, classes = train.ClassCount;
        long weightBytes = ((features * hidden) + hidden + (hidden * classes) + classes) * sizeof(float);
        int epochs = results[0].History.Count;

        // The heap with the results, then without them: the difference is what they hold, and nothing else.
        long with = Retained();
        GC.KeepAlive(results);
        Array.Clear(results);
        long without = Retained();

        long perResult = (with - without) / kept;
        output.WriteLine($"retained {perResult} B a result for {weightBytes} B of weights ({(double)perResult / weightBytes:F2}x), {epochs} epochs");
        Assert.True(perResult < 1.5 * weightBytes + 8 * 1024, $"a kept result holds {perResult} B for {weightBytes} B of weights");
    }

    private static long Retained()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
