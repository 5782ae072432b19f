using System;
using System.Globalization;

namespace HyperTune;

/// <summary>
/// A trained model ready for use on raw data: the trained <see cref="ITrainableModel"/> together
/// with the <see cref="HyperTune.Standardization"/> fitted on its training set, which every input
/// goes through first. What <see cref="TrainingResult.Model"/> is.
/// </summary>
/// <remarks>
/// Calls are serialised by a lock, so one instance can be shared between threads (a model's
/// inference pass keeps its activations in buffers of its own). The single-row methods allocate
/// nothing, except <see cref="PredictProbabilities"/>, which returns a new array.
/// </remarks>
public sealed class TrainedModel
{
    private readonly object _gate = new();
    private readonly float[] _input;
    private readonly float[] _output;
    private readonly ModelEvaluator _evaluator;

    /// <summary>Pairs a trained network with the standardisation of its inputs.</summary>
    /// <param name="network">The trained model.</param>
    /// <param name="standardization">The standardisation fitted on the training set; null if the model takes raw features.</param>
    /// <exception cref="ArgumentException">The standardisation's feature count is not the model's input count.</exception>
    public TrainedModel(ITrainableModel network, Standardization? standardization)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
        Standardization = standardization;
        _evaluator = new ModelEvaluator(network, standardization);
        _input = new float[network.InputCount];
        _output = new float[network.OutputCount];
    }

    /// <summary>The trained model (the built-in dense network, or the caller's own), which takes standardised features.</summary>
    public ITrainableModel Network { get; }

    /// <summary>The standardisation applied to raw features before <see cref="Network"/> sees them; null for none.</summary>
    public Standardization? Standardization { get; }

    /// <summary>Whether the model classifies or regresses.</summary>
    public TaskKind Task => Network.Task;

    /// <summary>Raw features a row the model takes.</summary>
    public int FeatureCount => Network.InputCount;

    /// <summary>Outputs a row: classes (classification) or targets (regression).</summary>
    public int OutputCount => Network.OutputCount;

    /// <summary>Computes the model's outputs for one row of raw features: class probabilities, or predicted targets.</summary>
    /// <param name="rawFeatures">The row, unstandardised: <see cref="FeatureCount"/> finite values.</param>
    /// <param name="outputs">Receives <see cref="OutputCount"/> values.</param>
    /// <exception cref="ArgumentException">A length is wrong, or a feature is not finite (the message names it).</exception>
    public void Predict(ReadOnlySpan<float> rawFeatures, Span<float> outputs)
    {
        if (outputs.Length != OutputCount)
            throw new ArgumentException($"The model gives {OutputCount} outputs a row, but the destination holds {outputs.Length}.", nameof(outputs));
        lock (_gate)
        {
            Run(rawFeatures);
            _output.CopyTo(outputs);
        }
    }

    /// <summary>The most probable class of one row of raw features (the first on ties).</summary>
    /// <param name="rawFeatures">The row, unstandardised: <see cref="FeatureCount"/> finite values.</param>
    /// <returns>The 0-based class.</returns>
    /// <exception cref="InvalidOperationException">The model does regression.</exception>
    /// <exception cref="ArgumentException">The row has the wrong length or a value that is not finite.</exception>
    public int PredictClass(ReadOnlySpan<float> rawFeatures)
    {
        RequireTask(TaskKind.Classification, nameof(PredictClass));
        lock (_gate)
        {
            Run(rawFeatures);
            return ModelEvaluator.ArgMax(_output);
        }
    }

    /// <summary>The probability of each class for one row of raw features.</summary>
    /// <param name="rawFeatures">The row, unstandardised: <see cref="FeatureCount"/> finite values.</param>
    /// <returns>A new array of <see cref="OutputCount"/> probabilities.</returns>
    /// <exception cref="InvalidOperationException">The model does regression.</exception>
    /// <exception cref="ArgumentException">The row has the wrong length or a value that is not finite.</exception>
    public float[] PredictProbabilities(ReadOnlySpan<float> rawFeatures)
    {
        RequireTask(TaskKind.Classification, nameof(PredictProbabilities));
        lock (_gate)
        {
            Run(rawFeatures);
            return (float[])_output.Clone();
        }
    }

    /// <summary>The predicted target of one row of raw features, for a model with one target.</summary>
    /// <param name="rawFeatures">The row, unstandardised: <see cref="FeatureCount"/> finite values.</param>
    /// <returns>The prediction.</returns>
    /// <exception cref="InvalidOperationException">The model classifies, or predicts several targets (use <see cref="Predict"/>).</exception>
    /// <exception cref="ArgumentException">The row has the wrong length or a value that is not finite.</exception>
    public float PredictValue(ReadOnlySpan<float> rawFeatures)
    {
        RequireTask(TaskKind.Regression, nameof(PredictValue));
        if (OutputCount != 1)
            throw new InvalidOperationException($"The model predicts {OutputCount} targets a row; use Predict with a destination of that length.");
        lock (_gate)
        {
            Run(rawFeatures);
            return _output[0];
        }
    }

    /// <summary>Measures the model on raw (unstandardised) data: mean loss, and accuracy for classification.</summary>
    /// <param name="rawData">Rows with the model's task and feature count.</param>
    /// <returns>The evaluation, as <see cref="ModelEvaluator"/> computes it.</returns>
    /// <exception cref="ArgumentException">The data does not fit the model.</exception>
    public Evaluation Evaluate(Dataset rawData)
    {
        lock (_gate) return _evaluator.Evaluate(rawData);
    }

    private void Run(ReadOnlySpan<float> rawFeatures)
    {
        if (rawFeatures.Length != FeatureCount)
            throw new ArgumentException($"The model takes {FeatureCount} features a row, but {rawFeatures.Length} were given.", nameof(rawFeatures));
        for (int j = 0; j < rawFeatures.Length; j++)
        {
            if (!float.IsFinite(rawFeatures[j]))
                throw new ArgumentException($"Feature {j} is {rawFeatures[j].ToString(CultureInfo.InvariantCulture)}; every feature must be finite.", nameof(rawFeatures));
        }
        if (Standardization is null) rawFeatures.CopyTo(_input);
        else Standardization.Apply(rawFeatures, _input);
        Network.Predict(_input, 1, _output);
    }

    private void RequireTask(TaskKind task, string method)
    {
        if (Task != task)
            throw new InvalidOperationException($"{method} is for {task} models; this model does {Task}.");
    }
}
