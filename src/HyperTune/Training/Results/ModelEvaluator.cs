using System;
using System.Runtime.CompilerServices;
using HyperTune.Numerics;

namespace HyperTune;

/// <summary>
/// Measures a model's mean loss (and accuracy, for classification) on a dataset, through the
/// model's inference pass (<see cref="ITrainableModel.Predict"/>, dropout off), a chunk of rows at a
/// time. Its buffers are taken once, by the constructor: a training loop makes one evaluator a run
/// and calls <see cref="Evaluate"/> every epoch without allocating.
/// </summary>
/// <remarks>
/// The loss is the one the model trains on, computed from its outputs: the cross-entropy
/// <c>-log p[label]</c> of the predicted probabilities, each clamped to at least
/// <see cref="MinProbability"/> so that a confident mistake costs about 16.1 rather than infinity
/// (Keras' epsilon); for regression, the squared error averaged over every target of every row (no
/// factor of one half, as PyTorch's <c>MSELoss</c>). Sums are kept in <see cref="double"/>. A model
/// whose outputs are NaN gets a NaN loss. One evaluator serves one thread.
/// </remarks>
public sealed class ModelEvaluator
{
    /// <summary>The smallest probability the cross-entropy takes the logarithm of.</summary>
    public const double MinProbability = 1e-7;

    /// <summary>Rows a chunk when the constructor is not told.</summary>
    public const int DefaultChunkRows = 256;

    private readonly float[] _outputs;
    private readonly float[]? _inputs;
    private readonly int _chunkRows;

    /// <summary>Prepares the evaluation of <paramref name="model"/>.</summary>
    /// <param name="model">The model to measure.</param>
    /// <param name="standardization">Applied to each chunk of rows before the model sees it, when the
    /// data to evaluate is raw; null when it is already standardised (as a training loop's
    /// validation set is).</param>
    /// <param name="chunkRows">Rows a call of the model's inference pass.</param>
    /// <exception cref="ArgumentException">The standardisation's feature count is not the model's input count.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkRows"/> is less than 1.</exception>
    public ModelEvaluator(ITrainableModel model, Standardization? standardization = null, int chunkRows = DefaultChunkRows)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (chunkRows < 1) throw new ArgumentOutOfRangeException(nameof(chunkRows), chunkRows, "A chunk needs at least one row.");
        if (standardization is not null && standardization.FeatureCount != model.InputCount)
            throw new ArgumentException($"The standardisation has {standardization.FeatureCount} features, but the model takes {model.InputCount}.", nameof(standardization));
        Model = model;
        Standardization = standardization;
        _chunkRows = chunkRows;
        _outputs = new float[chunkRows * model.OutputCount];
        _inputs = standardization is null ? null : new float[chunkRows * model.InputCount];
    }

    /// <summary>The model measured.</summary>
    public ITrainableModel Model { get; }

    /// <summary>The standardisation applied to the data first, or null.</summary>
    public Standardization? Standardization { get; }

    /// <summary>Measures the model on every row of <paramref name="data"/>. Allocates nothing.</summary>
    /// <param name="data">Rows with the model's task and input count (raw if the evaluator standardises, standardised otherwise).</param>
    /// <returns>The mean loss, and the accuracy for classification.</returns>
    /// <exception cref="ArgumentException">The data does not fit the model: another task, another
    /// number of features or targets, or labels beyond the model's classes.</exception>
    [MethodImpl(Hot.Path)]
    public Evaluation Evaluate(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFits(data);
        int inputWidth = Model.InputCount;
        int outputWidth = Model.OutputCount;
        bool classify = data.Task == TaskKind.Classification;
        ReadOnlySpan<float> features = data.Features;
        double lossSum = 0;
        int correct = 0;

        for (int start = 0; start < data.Count; start += _chunkRows)
        {
            int rows = Math.Min(_chunkRows, data.Count - start);
            ReadOnlySpan<float> chunk = features.Slice(start * inputWidth, rows * inputWidth);
            if (_inputs is not null)
            {
                Span<float> standardised = _inputs.AsSpan(0, chunk.Length);
                Standardization!.Apply(chunk, standardised);
                chunk = standardised;
            }
            Span<float> outputs = _outputs.AsSpan(0, rows * outputWidth);
            Model.Predict(chunk, rows, outputs);
            Accumulate(outputs, outputWidth, data, start, rows, ref lossSum, ref correct);
        }

        return classify
            ? new Evaluation(lossSum / data.Count, (double)correct / data.Count)
            : new Evaluation(lossSum / ((double)data.Count * outputWidth), null);
    }

    /// <summary>Adds the loss (and the correct classifications) of <paramref name="rows"/> rows from <paramref name="start"/> to the sums.</summary>
    internal static void Accumulate(ReadOnlySpan<float> outputs, int outputWidth, Dataset data, int start, int rows, ref double lossSum, ref int correct)
    {
        if (data.Task == TaskKind.Classification)
        {
            ReadOnlySpan<int> labels = data.Labels;
            for (int i = 0; i < rows; i++)
            {
                ReadOnlySpan<float> row = outputs.Slice(i * outputWidth, outputWidth);
                int label = labels[start + i];
                lossSum -= Math.Log(Math.Max((double)row[label], MinProbability));
                if (ArgMax(row) == label) correct++;
            }
        }
        else
        {
            ReadOnlySpan<float> targets = data.Targets.Slice(start * outputWidth, rows * outputWidth);
            for (int k = 0; k < targets.Length; k++)
            {
                double error = (double)outputs[k] - targets[k];
                lossSum += error * error;
            }
        }
    }

    /// <summary>The index of the largest value; the first one on ties (as NumPy's <c>argmax</c>).</summary>
    [MethodImpl(Hot.Path)]
    internal static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best]) best = k;
        }
        return best;
    }

    private void CheckFits(Dataset data) => CheckFits(Model.Task, Model.InputCount, Model.OutputCount, data, nameof(data), "dataset");

    /// <summary>Throws unless <paramref name="data"/> has the task, the features and the classes or targets of a model.</summary>
    internal static void CheckFits(TaskKind task, int inputCount, int outputCount, Dataset data, string parameter, string what)
    {
        if (data.Task != task)
            throw new ArgumentException($"The model does {task} but the {what} is for {data.Task}.", parameter);
        if (data.FeatureCount != inputCount)
            throw new ArgumentException($"The model takes {inputCount} features, but the {what} has {data.FeatureCount}.", parameter);
        if (data.Task == TaskKind.Classification && data.ClassCount > outputCount)
            throw new ArgumentException($"The model tells {outputCount} classes apart, but the {what} has {data.ClassCount}.", parameter);
        if (data.Task == TaskKind.Regression && data.TargetCount != outputCount)
            throw new ArgumentException($"The model predicts {outputCount} targets a row, but the {what} has {data.TargetCount}.", parameter);
    }
}
