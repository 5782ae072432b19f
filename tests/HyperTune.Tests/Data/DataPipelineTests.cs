namespace HyperTune.Tests.Data;

/// <summary>
/// The data side end to end, in the order the generated loop uses it: split, standardise, sample,
/// step, evaluate, record, and wrap the result, with a plain softmax regression as the model.
/// </summary>
public class DataPipelineTests
{
    private static TrainingResult Train(int seed, int epochs = 8)
    {
        var (train, validation) = TestData.Digits().Split(0.8, seed);
        Standardization standardization = Standardization.Fit(train);
        Dataset standardTrain = standardization.Apply(train);
        Dataset standardValidation = standardization.Apply(validation);
        var model = new SoftmaxRegression(64, standardTrain.ClassCount);
        var sampler = new MiniBatchSampler(standardTrain, batchSize: 32, seed);
        var evaluator = new ModelEvaluator(model);
        var history = new List<EpochRecord>();
        const float learningRate = 0.1f;
        long step = 0;
        int? bestEpoch = null;
        double? bestLoss = null;

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            sampler.Shuffle();
            double lossSum = 0;
            for (int b = 0; b < sampler.BatchCount; b++)
            {
                lossSum += model.ForwardBackward(sampler.GetBatch(b));
                Span<float> parameters = model.Parameters;
                ReadOnlySpan<float> gradients = model.Gradients;
                for (int k = 0; k < parameters.Length; k++) parameters[k] -= learningRate * gradients[k];
                step++;
            }
            Evaluation evaluation = evaluator.Evaluate(standardValidation);
            history.Add(new EpochRecord(epoch, step, learningRate, lossSum / sampler.BatchCount, evaluation.Loss, evaluation.Accuracy));
            if (bestLoss is null || evaluation.Loss < bestLoss)
            {
                bestLoss = evaluation.Loss;
                bestEpoch = epoch;
            }
        }
        return new TrainingResult(history, StopReason.MaxEpochs, bestEpoch, bestLoss, new TrainedModel(model, standardization));
    }

    [Fact]
    public void Softmax_regression_learns_digits_through_the_data_side()
    {
        TrainingResult result = Train(seed: 0);

        Assert.Equal(8, result.History.Count);
        Assert.Equal(45L * 8, result.History[^1].Step); // 1438 rows in batches of 32: 44 full + 1 partial
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss);
        Assert.True(result.History[^1].ValidationAccuracy >= 0.93, $"validation accuracy {result.History[^1].ValidationAccuracy}");

        // The wrapped model evaluates raw rows exactly as the loop evaluated standardised ones.
        var (_, rawValidation) = TestData.Digits().Split(0.8, 0);
        Evaluation raw = result.Model.Evaluate(rawValidation);
        Assert.Equal(result.History[^1].ValidationLoss, raw.Loss);
        Assert.Equal(result.History[^1].ValidationAccuracy, raw.Accuracy);
        int correct = Enumerable.Range(0, rawValidation.Count).Count(r => result.Model.PredictClass(rawValidation.GetRow(r)) == rawValidation.Labels[r]);
        Assert.Equal(raw.Accuracy, (double)correct / rawValidation.Count);
    }

    [Fact]
    public void Same_seed_gives_a_bit_identical_run_and_another_seed_another()
    {
        TrainingResult a = Train(seed: 5, epochs: 3), b = Train(seed: 5, epochs: 3), c = Train(seed: 6, epochs: 3);

        Assert.Equal(a.History, b.History);
        Assert.Equal(a.Model.Network.Parameters.ToArray(), b.Model.Network.Parameters.ToArray());
        Assert.NotEqual(a.History, c.History);
    }
}
