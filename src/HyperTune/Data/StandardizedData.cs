using System;

namespace HyperTune;

/// <summary>
/// A training set and its validation set, scaled as the generated <c>Train</c> method trains on
/// them: features by the statistics of the training features (standardised, unless the config's
/// <see cref="InputScaling"/> says otherwise) and, for regression, targets by the statistics of the
/// training targets, so that targets of any scale (1e5, say) train as well as targets of scale 1.
/// The validation set is checked against the training set first.
/// </summary>
public sealed class StandardizedData
{
    private StandardizedData(Dataset train, Dataset? validation, Standardization? features, Standardization? targets, int outputCount)
    {
        Train = train;
        Validation = validation;
        Features = features;
        Targets = targets;
        OutputCount = outputCount;
    }

    /// <summary>The training set, scaled.</summary>
    public Dataset Train { get; }

    /// <summary>The validation set, scaled with the training set's statistics; null without one.</summary>
    public Dataset? Validation { get; }

    /// <summary>The scaling of the features, fitted on the training set: a standardisation or a min-max
    /// scaling; null for <see cref="InputScaling.None"/> (the network takes raw features).</summary>
    public Standardization? Features { get; }

    /// <summary>For regression, the standardisation of the targets, fitted on the training set; null for classification.</summary>
    public Standardization? Targets { get; }

    /// <summary>Outputs a network of this data needs: the classes of the training set, or its targets a row.</summary>
    public int OutputCount { get; }

    /// <summary>
    /// Checks <paramref name="validation"/> against <paramref name="train"/> (task, features, classes
    /// or targets), then fits the standardisations on <paramref name="train"/> and applies them to both.
    /// </summary>
    /// <param name="train">The training set, raw.</param>
    /// <param name="validation">The validation set, raw; null for none.</param>
    /// <returns>The standardised sets and their standardisations.</returns>
    /// <exception cref="ArgumentException">The validation set does not fit the training set; the
    /// message names <paramref name="validation"/> and says how.</exception>
    public static StandardizedData Fit(Dataset train, Dataset? validation) => Fit(train, validation, InputScaling.Standardize);

    /// <summary>
    /// Checks <paramref name="validation"/> against <paramref name="train"/> (task, features, classes
    /// or targets), then fits the feature scaling <paramref name="inputScaling"/> names and, for
    /// regression, the target standardisation on <paramref name="train"/>, and applies them to both.
    /// </summary>
    /// <remarks>
    /// A call on the same <paramref name="train"/> and <paramref name="validation"/> instances with the
    /// same scaling returns the earlier result while it is alive (datasets never change, so it is the
    /// same data, bit for bit). The cache never keeps a result alive by itself, except during a study
    /// of the generated <c>Tune(train, validation, ...)</c>, which holds its data's results until it
    /// ends: its trials fit and copy their data once, not once a trial.
    /// </remarks>
    /// <param name="train">The training set, raw.</param>
    /// <param name="validation">The validation set, raw; null for none.</param>
    /// <param name="inputScaling">How features are scaled (a config's <see cref="InputScaling"/> property).</param>
    /// <returns>The scaled sets and their scalings.</returns>
    /// <exception cref="ArgumentException">The validation set does not fit the training set; the
    /// message names <paramref name="validation"/> and says how.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputScaling"/> is not an <see cref="InputScaling"/>.</exception>
    public static StandardizedData Fit(Dataset train, Dataset? validation, InputScaling inputScaling)
    {
        ArgumentNullException.ThrowIfNull(train);
        int outputs = train.Task == TaskKind.Classification ? train.ClassCount : train.TargetCount;
        if (validation is not null) CheckValidation(train.Task, train.FeatureCount, outputs, validation);
        if (inputScaling is not (InputScaling.Standardize or InputScaling.MinMax or InputScaling.None))
            throw new ArgumentOutOfRangeException(nameof(inputScaling), inputScaling, "Unknown input scaling.");
        return ScaledDataCache.GetOrFit(train, validation, inputScaling, () => FitNow(train, validation, inputScaling, outputs));
    }

    private static StandardizedData FitNow(Dataset train, Dataset? validation, InputScaling inputScaling, int outputs)
    {
        Standardization? features = Standardization.Fit(train, inputScaling);
        Standardization? targets = train.Task == TaskKind.Regression ? Standardization.FitTargets(train) : null;
        Dataset scaledTrain = features is null ? train : features.Apply(train);
        Dataset? scaledValidation = validation is null || features is null ? validation : features.Apply(validation);
        if (targets is not null)
        {
            scaledTrain = targets.ApplyToTargets(scaledTrain);
            if (scaledValidation is not null) scaledValidation = targets.ApplyToTargets(scaledValidation);
        }
        return new StandardizedData(scaledTrain, scaledValidation, features, targets, outputs);
    }

    /// <summary>
    /// Throws unless <paramref name="validation"/> can measure a model of <paramref name="outputCount"/>
    /// outputs for <paramref name="task"/> on <paramref name="featureCount"/> features: called before
    /// the first epoch, so that a mismatch costs no training.
    /// </summary>
    /// <param name="task">The model's task.</param>
    /// <param name="featureCount">Features a row the model takes.</param>
    /// <param name="outputCount">The model's classes or targets a row.</param>
    /// <param name="validation">The validation set.</param>
    /// <exception cref="ArgumentException">The validation set has another task, another number of
    /// features or targets, or more classes; the parameter named is <c>validation</c>.</exception>
    public static void CheckValidation(TaskKind task, int featureCount, int outputCount, Dataset validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ModelEvaluator.CheckFits(task, featureCount, outputCount, validation, nameof(validation), "validation set");
    }

    /// <summary>
    /// The model a run on this data produced: <paramref name="network"/> (trained on scaled data)
    /// with both scalings, so that it takes raw rows and predicts raw targets.
    /// </summary>
    /// <param name="network">The trained network.</param>
    /// <param name="metadata">The config's values and fingerprint; null if unknown.</param>
    /// <returns>The model.</returns>
    public TrainedModel CreateModel(ITrainableModel network, ModelMetadata? metadata = null) =>
        new(network, Features, Targets, metadata);

    /// <summary>
    /// The model a run on this data produced, from the model the run returned (trained on scaled
    /// data, without scalings): the same weights, not copied again, with both scalings, so that it
    /// takes raw rows and predicts raw targets.
    /// </summary>
    /// <param name="trained">The run's model (<see cref="TrainingResult.Model"/> of a run on <see cref="Train"/>).</param>
    /// <param name="metadata">The config's values and fingerprint; null if unknown.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException"><paramref name="trained"/> already has scalings, or they do not fit it.</exception>
    public TrainedModel CreateModelFrom(TrainedModel trained, ModelMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(trained);
        if (trained.Standardization is not null || trained.TargetStandardization is not null)
            throw new ArgumentException("The model already scales its inputs or outputs; pass the model of a run on the scaled data.", nameof(trained));
        return trained.WithScalings(Features, Targets, metadata);
    }
}
