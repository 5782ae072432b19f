using HyperTune.Tests.Infrastructure;

namespace HyperTune.Tests.Data;

/// <summary><see cref="MiniBatchSampler"/>: coverage, order, determinism and allocation.</summary>
public class MiniBatchSamplerTests
{
    /// <summary>Row i has features (i, i + 0.5) and label i % 3, so a batch row can be traced back.</summary>
    private static Dataset Traceable(int rows)
        => Dataset.Classification(
            Enumerable.Range(0, rows).Select(i => new[] { (float)i, i + 0.5f }).ToArray(),
            Enumerable.Range(0, rows).Select(i => i % 3).ToArray());

    private static List<int> Epoch(MiniBatchSampler sampler, List<int>? batchSizes = null)
    {
        sampler.Shuffle();
        var rows = new List<int>();
        for (int b = 0; b < sampler.BatchCount; b++)
        {
            MiniBatch batch = sampler.GetBatch(b);
            batchSizes?.Add(batch.Count);
            for (int i = 0; i < batch.Count; i++)
            {
                int row = (int)batch.Features[i * 2];
                Assert.Equal(row + 0.5f, batch.Features[i * 2 + 1]);
                Assert.Equal(row % 3, batch.Labels[i]);
                rows.Add(row);
            }
        }
        return rows;
    }

    [Fact]
    public void Every_row_comes_exactly_once_an_epoch_and_the_last_batch_is_partial()
    {
        var sampler = new MiniBatchSampler(Traceable(103), batchSize: 10, seed: 5);
        Assert.Equal((10, 11), (sampler.BatchSize, sampler.BatchCount));

        for (int epoch = 0; epoch < 3; epoch++)
        {
            var sizes = new List<int>();
            List<int> rows = Epoch(sampler, sizes);
            Assert.Equal(Enumerable.Range(0, 103), rows.Order());
            Assert.Equal(Enumerable.Repeat(10, 10).Append(3), sizes);
        }
        Assert.Equal(3, sampler.Epoch);
    }

    [Fact]
    public void Each_epoch_has_another_order()
    {
        var sampler = new MiniBatchSampler(Traceable(50), 8, seed: 1);
        var orders = Enumerable.Range(0, 5).Select(_ => string.Join(",", Epoch(sampler))).ToList();
        Assert.Equal(5, orders.Distinct().Count());
        Assert.NotEqual(string.Join(",", Enumerable.Range(0, 50)), orders[0]);
    }

    [Fact]
    public void Same_seed_gives_the_same_batches_and_another_seed_others()
    {
        Dataset data = TestData.Digits();
        var a = new MiniBatchSampler(data, 32, seed: 9);
        var b = new MiniBatchSampler(data, 32, seed: 9);
        var c = new MiniBatchSampler(data, 32, seed: 10);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            a.Shuffle(); b.Shuffle(); c.Shuffle();
            Assert.Equal(a.Order.ToArray(), b.Order.ToArray());
            Assert.NotEqual(a.Order.ToArray(), c.Order.ToArray());
            for (int i = 0; i < a.BatchCount; i++)
            {
                float[] fa = a.GetBatch(i).Features.ToArray();
                int[] la = a.GetBatch(i).Labels.ToArray();
                Assert.Equal(fa, b.GetBatch(i).Features.ToArray());
                Assert.Equal(la, b.GetBatch(i).Labels.ToArray());
            }
        }
    }

    [Fact]
    public void Batch_rows_follow_the_order()
    {
        Dataset data = TestData.Digits();
        var sampler = new MiniBatchSampler(data, 64, seed: 2);
        sampler.Shuffle();
        MiniBatch batch = sampler.GetBatch(3);
        for (int i = 0; i < batch.Count; i++)
        {
            int row = sampler.Order[3 * 64 + i];
            Assert.Equal(data.GetRow(row).ToArray(), batch.Features.Slice(i * 64, 64).ToArray());
            Assert.Equal(data.Labels[row], batch.Labels[i]);
        }
    }

    [Fact]
    public void Batch_size_one_is_one_row_a_step()
    {
        var sampler = new MiniBatchSampler(Traceable(7), 1, 0);
        var sizes = new List<int>();
        Assert.Equal(Enumerable.Range(0, 7), Epoch(sampler, sizes).Order());
        Assert.Equal(Enumerable.Repeat(1, 7), sizes);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1000)]
    public void Batch_size_of_at_least_the_row_count_is_the_whole_set_uncopied(int batchSize)
    {
        Dataset data = Traceable(7);
        var sampler = new MiniBatchSampler(data, batchSize, 0);
        Assert.Equal((7, 1), (sampler.BatchSize, sampler.BatchCount));
        sampler.Shuffle();
        MiniBatch batch = sampler.GetBatch(0);
        Assert.Equal(7, batch.Count);
        Assert.True(batch.Features == data.Features); // the same memory, not a copy
        Assert.True(batch.Labels == data.Labels);
    }

    [Fact]
    public void Regression_batches_carry_every_target_of_their_rows()
    {
        Dataset data = Dataset.Regression(
            Enumerable.Range(0, 9).Select(i => new[] { (float)i }).ToArray(),
            Enumerable.Range(0, 9).Select(i => new[] { i * 10f, i * 100f }).ToArray());
        var sampler = new MiniBatchSampler(data, 4, 3);
        sampler.Shuffle();
        var seen = new List<int>();
        for (int b = 0; b < sampler.BatchCount; b++)
        {
            MiniBatch batch = sampler.GetBatch(b);
            Assert.Equal((TaskKind.Regression, 2), (batch.Task, batch.TargetCount));
            for (int i = 0; i < batch.Count; i++)
            {
                int row = (int)batch.Features[i];
                Assert.Equal([row * 10f, row * 100f], batch.Targets.Slice(i * 2, 2).ToArray());
                seen.Add(row);
            }
        }
        Assert.Equal(Enumerable.Range(0, 9), seen.Order());
    }

    [Fact]
    public void Epochs_after_the_first_allocate_nothing()
    {
        Dataset digits = TestData.Digits();
        foreach (int batchSize in new[] { 1, 32, 100, 5000 })
        {
            var sampler = new MiniBatchSampler(digits, batchSize, 4);
            float checksum = RunEpochs(sampler, 1); // warm-up: JIT, tiering

            long allocated = AllocationMeter.LeastAllocatedBytes(() => checksum += RunEpochs(sampler, 3));

            Assert.True(allocated == 0, $"batch size {batchSize}: {allocated} bytes allocated over 3 epochs (checksum {checksum})");
        }
    }

    private static float RunEpochs(MiniBatchSampler sampler, int epochs)
    {
        float sum = 0;
        for (int e = 0; e < epochs; e++)
        {
            sampler.Shuffle();
            for (int b = 0; b < sampler.BatchCount; b++)
            {
                MiniBatch batch = sampler.GetBatch(b);
                sum += batch.Features[0] + batch.Labels[batch.Count - 1];
            }
        }
        return sum;
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatchSampler(Traceable(3), 0, 0));
        var sampler = new MiniBatchSampler(Traceable(3), 2, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => sampler.GetBatch(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => sampler.GetBatch(-1));
    }

    /// <summary>
    /// A batch of at least 2¹⁷ floats is gathered by every thread of a <see cref="KernelThreads"/>
    /// scope (one dispatch a batch), into exactly the batch one thread gathers, for labels and targets
    /// alike, including the last, partial batch.
    /// </summary>
    [Theory]
    [InlineData(TaskKind.Classification)]
    [InlineData(TaskKind.Regression)]
    public void A_large_batch_is_gathered_by_every_thread_into_the_same_rows(TaskKind task)
    {
        const int rows = 1000, width = 600, batchSize = 256;
        Assert.True(batchSize * width >= MiniBatchSampler.ParallelGatherFloats);
        var random = new Random(3);
        float[][] features = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, width).Select(_ => random.NextSingle()).ToArray()).ToArray();
        Dataset data = task == TaskKind.Classification
            ? Dataset.Classification(features, Enumerable.Range(0, rows).Select(i => i % 7).ToArray())
            : Dataset.Regression(features, Enumerable.Range(0, rows).Select(i => new[] { i * 0.5f, -i * 1f }).ToArray());

        List<(float[] Features, int[] Labels, float[] Targets)> Batches(int threads)
        {
            using var scope = KernelThreads.Use(threads, capToProcessors: false);
            long before = (KernelThreads.Team?.Dispatches ?? 0);
            var sampler = new MiniBatchSampler(data, batchSize, seed: 11);
            var batches = new List<(float[], int[], float[])>();
            for (int epoch = 0; epoch < 2; epoch++)
            {
                sampler.Shuffle();
                for (int b = 0; b < sampler.BatchCount; b++)
                {
                    MiniBatch batch = sampler.GetBatch(b);
                    batches.Add((batch.Features.ToArray(), batch.Labels.ToArray(), batch.Targets.ToArray()));
                }
            }

            // Batches of 256 rows are split; the last one (232 rows, 139,200 floats) too.
            if (threads > 1) Assert.Equal(before + (2 * sampler.BatchCount), (KernelThreads.Team?.Dispatches ?? 0));
            return batches;
        }

        var one = Batches(1);
        foreach (int threads in new[] { 2, 3 })
        {
            var many = Batches(threads);
            Assert.Equal(one.Count, many.Count);
            for (int b = 0; b < one.Count; b++)
            {
                Assert.Equal(one[b].Features, many[b].Features);
                Assert.Equal(one[b].Labels, many[b].Labels);
                Assert.Equal(one[b].Targets, many[b].Targets);
            }
        }
    }
}
