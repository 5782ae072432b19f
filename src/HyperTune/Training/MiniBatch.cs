using System;
using System.Runtime.CompilerServices;
using HyperTune.Numerics;

namespace HyperTune;

/// <summary>
/// One mini-batch as a model sees it: <see cref="Count"/> rows of <see cref="FeatureCount"/>
/// features, row-major, with their class labels (classification) or targets (regression,
/// <see cref="TargetCount"/> values a row). It views buffers that live for a whole training run.
/// </summary>
public readonly ref struct MiniBatch
{
    /// <summary>Creates a classification batch.</summary>
    /// <param name="features">The rows, row-major: one row of <paramref name="featureCount"/> values a label.</param>
    /// <param name="featureCount">Features a row.</param>
    /// <param name="labels">The class label of each row.</param>
    [MethodImpl(Hot.Path)]
    public MiniBatch(ReadOnlySpan<float> features, int featureCount, ReadOnlySpan<int> labels)
    {
        if (featureCount <= 0) throw new ArgumentOutOfRangeException(nameof(featureCount), featureCount, "A row needs at least one feature.");
        if (features.Length != labels.Length * featureCount)
            throw new ArgumentException($"{labels.Length} labels need {labels.Length * featureCount} feature values, not {features.Length}.", nameof(features));
        Features = features;
        FeatureCount = featureCount;
        Labels = labels;
        Targets = default;
        TargetCount = 0;
        Count = labels.Length;
    }

    /// <summary>Creates a regression batch.</summary>
    /// <param name="features">The rows, row-major: count x <paramref name="featureCount"/>.</param>
    /// <param name="featureCount">Features a row.</param>
    /// <param name="targets">The targets, row-major: count x <paramref name="targetCount"/>.</param>
    /// <param name="targetCount">Targets a row.</param>
    [MethodImpl(Hot.Path)]
    public MiniBatch(ReadOnlySpan<float> features, int featureCount, ReadOnlySpan<float> targets, int targetCount)
    {
        if (featureCount <= 0) throw new ArgumentOutOfRangeException(nameof(featureCount), featureCount, "A row needs at least one feature.");
        if (targetCount <= 0) throw new ArgumentOutOfRangeException(nameof(targetCount), targetCount, "A row needs at least one target.");
        if (features.Length % featureCount != 0 || targets.Length != features.Length / featureCount * targetCount)
            throw new ArgumentException($"{features.Length} feature values of {featureCount} a row do not match {targets.Length} targets of {targetCount} a row.", nameof(targets));
        Features = features;
        FeatureCount = featureCount;
        Labels = default;
        Targets = targets;
        TargetCount = targetCount;
        Count = features.Length / featureCount;
    }

    /// <summary>The rows, row-major.</summary>
    public ReadOnlySpan<float> Features { get; }

    /// <summary>Features a row.</summary>
    public int FeatureCount { get; }

    /// <summary>The class label of each row (classification); empty for regression.</summary>
    public ReadOnlySpan<int> Labels { get; }

    /// <summary>The targets, row-major (regression); empty for classification.</summary>
    public ReadOnlySpan<float> Targets { get; }

    /// <summary>Targets a row (regression); 0 for classification.</summary>
    public int TargetCount { get; }

    /// <summary>Rows in the batch.</summary>
    public int Count { get; }

    /// <summary>Whether the batch carries class labels.</summary>
    public TaskKind Task => TargetCount == 0 ? TaskKind.Classification : TaskKind.Regression;
}
