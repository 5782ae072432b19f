namespace HyperTune;

/// <summary>What one epoch of a training run did, as <see cref="TrainingResult.History"/> and the progress reports give it.</summary>
/// <remarks>
/// Losses are those of the data the loop trains on: the generated <c>Train(Dataset, ...)</c>
/// standardises regression targets, so its regression losses are mean squared errors in units of
/// the training targets' variance (a loss of 1 is as good as predicting the mean);
/// <see cref="TrainedModel.Evaluate"/> gives the error on the targets' own scale.
/// </remarks>
/// <param name="Epoch">The 0-based epoch, as the early-stopping monitor's <c>BestEpoch</c> counts.</param>
/// <param name="Step">The global step at the end of the epoch: optimiser steps since the run began.</param>
/// <param name="LearningRate">The learning rate the epoch ran with.</param>
/// <param name="TrainLoss">The mean of the epoch's mini-batch losses (each the batch's mean loss).</param>
/// <param name="ValidationLoss">The mean loss over the validation set after the epoch; null without one.</param>
/// <param name="ValidationAccuracy">The share of validation rows classified correctly after the epoch; null without a validation set or for regression.</param>
public sealed record EpochRecord(
    int Epoch,
    long Step,
    double LearningRate,
    double TrainLoss,
    double? ValidationLoss,
    double? ValidationAccuracy);
