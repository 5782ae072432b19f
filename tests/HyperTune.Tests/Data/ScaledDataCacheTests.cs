using System.Runtime.CompilerServices;

namespace HyperTune.Tests.Data;

/// <summary>
/// <see cref="StandardizedData.Fit(Dataset, Dataset?, InputScaling)"/> reuses its result for the same
/// data and scaling, gives the same bits as a fresh fit, tells different data and scalings apart,
/// never keeps a result alive by itself, and holds them for a study of the generated tuner.
/// </summary>
public class ScaledDataCacheTests
{
    private static Dataset Data(int seed, int rows = 200, int width = 37)
    {
        var random = new Random(seed);
        float[][] features = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, width).Select(j => (random.NextSingle() * 100 * (j + 1)) - 7).ToArray()).ToArray();
        return Dataset.Classification(features, Enumerable.Range(0, rows).Select(i => i % 4).ToArray());
    }

    [Fact]
    public void The_same_data_and_scaling_give_the_same_result()
    {
        Dataset train = Data(1), validation = Data(2, rows: 50);
        StandardizedData first = StandardizedData.Fit(train, validation, InputScaling.Standardize);
        Assert.Same(first, StandardizedData.Fit(train, validation, InputScaling.Standardize));
        Assert.Same(first, StandardizedData.Fit(train, validation));
        GC.KeepAlive(first);
    }

    [Fact]
    public void Other_validation_sets_and_scalings_get_their_own_fit()
    {
        Dataset train = Data(1), validation = Data(2, rows: 50), otherValidation = Data(2, rows: 50);
        StandardizedData standardised = StandardizedData.Fit(train, validation, InputScaling.Standardize);
        StandardizedData minMax = StandardizedData.Fit(train, validation, InputScaling.MinMax);
        StandardizedData none = StandardizedData.Fit(train, validation, InputScaling.None);
        StandardizedData other = StandardizedData.Fit(train, otherValidation, InputScaling.Standardize);
        StandardizedData noValidation = StandardizedData.Fit(train, null, InputScaling.Standardize);
        StandardizedData otherTrain = StandardizedData.Fit(Data(1), validation, InputScaling.Standardize);

        StandardizedData[] all = [standardised, minMax, none, other, noValidation, otherTrain];
        Assert.Equal(all.Length, all.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Null(noValidation.Validation);
        Assert.Same(train, none.Train); // no scaling: the data as given
        Assert.Same(noValidation, StandardizedData.Fit(train, null, InputScaling.Standardize));
    }

    [Fact]
    public void A_reused_result_has_the_bits_of_a_fresh_fit()
    {
        Dataset train = Data(3), validation = Data(4, rows: 60);
        StandardizedData cached = StandardizedData.Fit(train, validation);
        StandardizedData again = StandardizedData.Fit(train, validation);
        // Equal copies are other instances: a fit of its own.
        StandardizedData fresh = StandardizedData.Fit(Data(3), Data(4, rows: 60));
        Assert.Same(cached, again);
        Assert.NotSame(cached, fresh);
        Assert.Equal(Bits(fresh.Train.Features), Bits(cached.Train.Features));
        Assert.Equal(Bits(fresh.Validation!.Features), Bits(cached.Validation!.Features));
        Assert.Equal(fresh.Features!.Means.ToArray(), cached.Features!.Means.ToArray());
        Assert.Equal(fresh.Features.Scales.ToArray(), cached.Features.Scales.ToArray());
    }

    [Fact]
    public void A_result_nobody_holds_is_not_kept()
    {
        Dataset train = AssertLetGo(train => FitAndForget(train));

        // And the next call fits again, correctly.
        Assert.Equal(train.Count, StandardizedData.Fit(train, null).Train.Count);
    }

    [Fact]
    public void While_held_a_result_survives_collections_and_is_let_go_after()
        => AssertLetGo(FitWhileHeld);

    /// <summary>Fits on a training set kept alive, then checks that a collection reclaims the fit.</summary>
    private static Dataset AssertLetGo(Func<Dataset, WeakReference<StandardizedData>> fit)
    {
        Dataset train = Data(5, rows: 2000, width: 300);
        WeakReference<StandardizedData> reference = fit(train);
        Collect();
        Assert.False(reference.TryGetTarget(out _));
        return train;
    }

    /// <summary>Fits under a hold, checks that collections keep the fit, and releases the hold.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<StandardizedData> FitWhileHeld(Dataset train)
    {
        using IDisposable hold = ScaledDataCache.Hold(train);
        WeakReference<StandardizedData> reference = FitAndForget(train);
        Collect();
        Assert.True(reference.TryGetTarget(out StandardizedData? kept));
        Assert.Same(kept, StandardizedData.Fit(train, null));
        return reference;
    }

    [Fact]
    public void A_held_training_set_keeps_at_most_two_fits_the_most_recently_used()
    {
        Dataset train = Data(7);
        Dataset[] validations = [Data(8, rows: 30), Data(9, rows: 30), Data(10, rows: 30)];
        using var hold = ScaledDataCache.Hold(train);
        WeakReference<StandardizedData> first = FitAndForget(train, validations[0]);
        WeakReference<StandardizedData> second = FitAndForget(train, validations[1]);
        WeakReference<StandardizedData> again = FitAndForget(train, validations[0]); // the first, used again: now the most recent
        WeakReference<StandardizedData> third = FitAndForget(train, validations[2]); // lets the second go
        Collect();
        Assert.True(first.TryGetTarget(out StandardizedData? firstData));
        Assert.True(again.TryGetTarget(out StandardizedData? againData));
        Assert.Same(firstData, againData);
        Assert.True(third.TryGetTarget(out _));
        Assert.False(second.TryGetTarget(out _));
        GC.KeepAlive(validations);
    }

    /// <summary>The tuner's built-in objective holds the data for the study: every trial gets the same fit, collections or not.</summary>
    [Fact]
    public async Task A_study_of_the_built_in_objective_fits_its_data_once()
    {
        var (train, validation) = TestData.Digits().Split(0.7, seed: 3);
        var seen = new HashSet<StandardizedData>(ReferenceEqualityComparer.Instance);
        Study<HyperTune.Tests.Training.DigitsConfig> study = await Tuner.TuneTrainingAsync(
            HyperTune.Tests.Training.DigitsConfig.SearchSpace.Definition,
            (config, trainData, validationData, options, token) =>
            {
                lock (seen) seen.Add(StandardizedData.Fit(trainData, validationData));
                Collect(); // as a trial's own allocations would, sooner or later
                config.Epochs = 2;
                return config.Train(trainData, validationData, options, token);
            },
            null,
            train,
            validation,
            new TuneOptions { Trials = 5, Seed = 1, Training = TrainOptions.Default with { Threads = 1 } });
        Assert.Equal(5, study.Trials.Count);
        Assert.Single(seen);

        // After the study its hold is released (what a released hold lets go of: see above).
        Assert.Equal(0, ScaledDataCache.HoldsOn(train));
    }

    [Fact]
    public async Task A_cancelled_study_releases_its_hold_too()
    {
        var (train, validation) = TestData.Digits().Split(0.7, seed: 4);
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Tuner.TuneTrainingAsync(
            HyperTune.Tests.Training.DigitsConfig.SearchSpace.Definition,
            (config, trainData, validationData, options, token) =>
            {
                Assert.Equal(1, ScaledDataCache.HoldsOn(train));
                cancel.Cancel();
                token.ThrowIfCancellationRequested();
                return config.Train(trainData, validationData, options, token);
            },
            null,
            train,
            validation,
            new TuneOptions { Trials = 5, Seed = 1, Training = TrainOptions.Default with { Threads = 1 } },
            cancel.Token));
        Assert.Equal(0, ScaledDataCache.HoldsOn(train));
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<StandardizedData> FitAndForget(Dataset train, Dataset? validation = null) => new(StandardizedData.Fit(train, validation));

    /// <summary>The vectorised fit sums each column row after row in double: the textbook two-pass loop's bits.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(37)]
    [InlineData(784)]
    public void Fitted_statistics_are_the_column_by_column_loop_bits(int width)
    {
        Dataset data = Data(6, rows: 333, width: width);
        Standardization fit = Standardization.Fit(data);
        ReadOnlySpan<float> features = data.Features;
        for (int j = 0; j < width; j++)
        {
            double sum = 0;
            for (int row = 0; row < data.Count; row++) sum += features[(row * width) + j];
            double mean = sum / data.Count;
            double squares = 0;
            for (int row = 0; row < data.Count; row++)
            {
                double deviation = features[(row * width) + j] - mean;
                squares += deviation * deviation;
            }

            Assert.Equal(BitConverter.DoubleToInt64Bits(mean), BitConverter.DoubleToInt64Bits(fit.Means[j]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Sqrt(squares / data.Count)), BitConverter.DoubleToInt64Bits(fit.Scales[j]));
        }
    }

    private static int[] Bits(ReadOnlySpan<float> values) => values.ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();
}
