using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Threading;
using HyperTune.Onnx;
using HyperTune.Persistence;
using HyperTune.Training.Inference;

namespace HyperTune;

/// <summary>
/// A trained model ready for use on raw data: the trained network together with the
/// <see cref="HyperTune.Standardization"/> fitted on its training features (which every input goes
/// through first) and, for regression, the standardisation of its targets (which every prediction
/// is turned back through). What <see cref="TrainingResult.Model"/> is; it can be saved, loaded and
/// exported to ONNX.
/// </summary>
/// <remarks>
/// <para>A model made from a <see cref="DenseNetwork"/> keeps a snapshot of its weights, taken when
/// the model is made, and nothing of the training run: later training of that network does not
/// change the model. Its predictions are thread-safe and run concurrently (each call takes its
/// scratch from the shared array pool), so one model can serve many threads. A model of your own
/// <see cref="ITrainableModel"/> is kept by reference, and its calls are serialised by a lock.</para>
/// <para>Every prediction checks the row width and that every feature is finite; the exceptions
/// name the row and column.</para>
/// </remarks>
public sealed class TrainedModel
{
    private readonly DenseInference? _dense;
    private readonly ITrainableModel? _custom;
    private readonly object _gate = new();
    private ITrainableModel? _network;

    /// <summary>Pairs a trained network with the standardisation of its inputs.</summary>
    /// <param name="network">The trained model.</param>
    /// <param name="standardization">The standardisation fitted on the training features; null if the model takes raw features.</param>
    /// <exception cref="ArgumentException">The standardisation's feature count is not the model's input count.</exception>
    public TrainedModel(ITrainableModel network, Standardization? standardization)
        : this(network, standardization, null, null)
    {
    }

    /// <summary>Pairs a trained network with the standardisations of its inputs and targets, and what is known of its config.</summary>
    /// <param name="network">The trained model; a <see cref="DenseNetwork"/>'s weights are copied.</param>
    /// <param name="standardization">The standardisation fitted on the training features; null if the model takes raw features.</param>
    /// <param name="targetStandardization">For regression, the standardisation fitted on the training targets
    /// (<see cref="Standardization.FitTargets"/>), which the network learned to predict; null if it predicts raw targets.</param>
    /// <param name="metadata">The config's values and search-space fingerprint; null if unknown.</param>
    /// <exception cref="ArgumentException">A standardisation does not fit the model: another width, or targets for a classifier.</exception>
    public TrainedModel(ITrainableModel network, Standardization? standardization, Standardization? targetStandardization, ModelMetadata? metadata)
    {
        ArgumentNullException.ThrowIfNull(network);
        CheckScalings(network.Task, network.InputCount, network.OutputCount, standardization, targetStandardization);
        if (network is DenseNetwork dense) _dense = DenseInference.From(dense);
        else _custom = network;
        Standardization = standardization;
        TargetStandardization = targetStandardization;
        Metadata = metadata;
    }

    internal TrainedModel(DenseInference dense, Standardization? standardization, Standardization? targetStandardization, ModelMetadata? metadata)
    {
        _dense = dense;
        Standardization = standardization;
        TargetStandardization = targetStandardization;
        Metadata = metadata;
    }

    private TrainedModel(TrainedModel weights, Standardization? standardization, Standardization? targetStandardization, ModelMetadata? metadata)
    {
        CheckScalings(weights.Task, weights.FeatureCount, weights.OutputCount, standardization, targetStandardization);
        _dense = weights._dense;
        _custom = weights._custom;
        Standardization = standardization;
        TargetStandardization = targetStandardization;
        Metadata = metadata;
    }

    /// <summary>
    /// This model's weights (shared, not copied: a model's weights never change) with other scalings
    /// and metadata: how the generated <c>Train</c> turns the model of a run on scaled data into one
    /// that takes raw rows, without a second copy of the weights.
    /// </summary>
    internal TrainedModel WithScalings(Standardization? standardization, Standardization? targetStandardization, ModelMetadata? metadata)
        => new(this, standardization, targetStandardization, metadata);

    private static void CheckScalings(TaskKind task, int inputs, int outputs, Standardization? standardization, Standardization? targetStandardization)
    {
        if (standardization is not null && standardization.FeatureCount != inputs)
            throw new ArgumentException($"The standardisation has {standardization.FeatureCount} features, but the model takes {inputs}.", nameof(standardization));
        if (targetStandardization is not null && (task != TaskKind.Regression || targetStandardization.FeatureCount != outputs))
            throw new ArgumentException($"The target standardisation has {targetStandardization.FeatureCount} columns, but the model does {task} with {outputs} outputs.", nameof(targetStandardization));
    }

    /// <summary>
    /// The trained network, which takes standardised features (and, for regression with a target
    /// standardisation, predicts standardised targets). For a model of the built-in dense network, a
    /// <see cref="DenseNetwork"/> holding a copy of the weights, made on first use; training it does
    /// not change this model.
    /// </summary>
    public ITrainableModel Network => _custom ?? LazyInitializer.EnsureInitialized(ref _network, () => _dense!.ToNetwork());

    /// <summary>The standardisation applied to raw features before the network sees them; null for none.</summary>
    public Standardization? Standardization { get; }

    /// <summary>For regression, the standardisation of the training targets that predictions are turned back through; null for none.</summary>
    public Standardization? TargetStandardization { get; }

    /// <summary>The config's values and search-space fingerprint the model was trained with; null if unknown.</summary>
    public ModelMetadata? Metadata { get; }

    /// <summary>Whether the model classifies or regresses.</summary>
    public TaskKind Task => _dense?.Task ?? _custom!.Task;

    /// <summary>Raw features a row the model takes.</summary>
    public int FeatureCount => _dense?.InputCount ?? _custom!.InputCount;

    /// <summary>Outputs a row: classes (classification) or targets (regression).</summary>
    public int OutputCount => _dense?.OutputCount ?? _custom!.OutputCount;

    internal DenseInference? Dense => _dense;

    /// <summary>Computes the model's outputs for one row of raw features: class probabilities, or predicted targets.</summary>
    /// <param name="rawFeatures">The row, unstandardised: <see cref="FeatureCount"/> finite values.</param>
    /// <param name="outputs">Receives <see cref="OutputCount"/> values.</param>
    /// <exception cref="ArgumentException">A length is wrong, or a feature is not finite (the message names it).</exception>
    public void Predict(ReadOnlySpan<float> rawFeatures, Span<float> outputs)
    {
        CheckRow(rawFeatures);
        if (outputs.Length != OutputCount)
            throw new ArgumentException($"The model gives {OutputCount} outputs a row, but the destination holds {outputs.Length}.", nameof(outputs));
        Run(rawFeatures, 1, outputs);
    }

    /// <summary>
    /// Computes the outputs of many rows at once, at the speed of the forward pass: class
    /// probabilities or predicted targets, row after row.
    /// </summary>
    /// <param name="rawRows">Rows of raw features back to back (row-major): a multiple of <see cref="FeatureCount"/> finite values.</param>
    /// <param name="outputs">Receives <see cref="OutputCount"/> values a row.</param>
    /// <exception cref="ArgumentException">The rows are not whole, the destination has another length,
    /// or a feature is not finite (the message names the row and column).</exception>
    public void PredictBatch(ReadOnlySpan<float> rawRows, Span<float> outputs)
    {
        int width = FeatureCount;
        if (rawRows.Length % width != 0)
            throw new ArgumentException($"{rawRows.Length} values are not whole rows: the model takes {width} features a row.", nameof(rawRows));
        int rows = rawRows.Length / width;
        if (outputs.Length != (long)rows * OutputCount)
            throw new ArgumentException($"{rows} rows give {(long)rows * OutputCount} outputs, but the destination holds {outputs.Length}.", nameof(outputs));
        CheckFinite(rawRows, nameof(rawRows));
        Run(rawRows, rows, outputs);
    }

    /// <summary>The outputs of every row of <paramref name="data"/> (its labels or targets are ignored), at the speed of the forward pass.</summary>
    /// <param name="data">Rows with <see cref="FeatureCount"/> raw features.</param>
    /// <returns>A new array of <see cref="OutputCount"/> values a row, row-major: class probabilities or predicted targets.</returns>
    /// <exception cref="ArgumentException">The data has another number of features.</exception>
    public float[] Predict(Dataset data)
    {
        CheckWidth(data);
        var outputs = new float[checked(data.Count * OutputCount)];
        Run(data.Features, data.Count, outputs);
        return outputs;
    }

    /// <summary>The most probable class of every row of <paramref name="data"/> (the first on ties).</summary>
    /// <param name="data">Rows with <see cref="FeatureCount"/> raw features.</param>
    /// <returns>A new array: one 0-based class a row.</returns>
    /// <exception cref="InvalidOperationException">The model does regression.</exception>
    /// <exception cref="ArgumentException">The data has another number of features.</exception>
    public int[] PredictClasses(Dataset data)
    {
        RequireTask(TaskKind.Classification, nameof(PredictClasses));
        CheckWidth(data);
        var classes = new int[data.Count];
        int width = OutputCount;
        RunInChunks(data, (start, rows, outputs) =>
        {
            for (int i = 0; i < rows; i++) classes[start + i] = ModelEvaluator.ArgMax(outputs.Slice(i * width, width));
        });
        return classes;
    }

    /// <summary>The most probable class of one row of raw features (the first on ties).</summary>
    /// <param name="rawFeatures">The row, unstandardised: <see cref="FeatureCount"/> finite values.</param>
    /// <returns>The 0-based class.</returns>
    /// <exception cref="InvalidOperationException">The model does regression.</exception>
    /// <exception cref="ArgumentException">The row has the wrong length or a value that is not finite.</exception>
    public int PredictClass(ReadOnlySpan<float> rawFeatures)
    {
        RequireTask(TaskKind.Classification, nameof(PredictClass));
        CheckRow(rawFeatures);
        int width = OutputCount;
        float[] buffer = ArrayPool<float>.Shared.Rent(width);
        try
        {
            Span<float> outputs = buffer.AsSpan(0, width);
            Run(rawFeatures, 1, outputs);
            return ModelEvaluator.ArgMax(outputs);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
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
        CheckRow(rawFeatures);
        var outputs = new float[OutputCount];
        Run(rawFeatures, 1, outputs);
        return outputs;
    }

    /// <summary>The predicted target of one row of raw features, for a model with one target.</summary>
    /// <param name="rawFeatures">The row, unstandardised: <see cref="FeatureCount"/> finite values.</param>
    /// <returns>The prediction, on the scale of the training targets.</returns>
    /// <exception cref="InvalidOperationException">The model classifies, or predicts several targets (use <see cref="Predict(ReadOnlySpan{float}, Span{float})"/>).</exception>
    /// <exception cref="ArgumentException">The row has the wrong length or a value that is not finite.</exception>
    public float PredictValue(ReadOnlySpan<float> rawFeatures)
    {
        RequireTask(TaskKind.Regression, nameof(PredictValue));
        if (OutputCount != 1)
            throw new InvalidOperationException($"The model predicts {OutputCount} targets a row; use Predict with a destination of that length.");
        CheckRow(rawFeatures);
        Span<float> output = stackalloc float[1];
        Run(rawFeatures, 1, output);
        return output[0];
    }

    /// <summary>Measures the model on raw data: mean loss (regression: squared error on the scale of the targets), and accuracy for classification.</summary>
    /// <param name="rawData">Rows with the model's task and feature count.</param>
    /// <returns>The evaluation, as <see cref="ModelEvaluator"/> computes it.</returns>
    /// <exception cref="ArgumentException">The data does not fit the model.</exception>
    public Evaluation Evaluate(Dataset rawData)
    {
        ArgumentNullException.ThrowIfNull(rawData);
        ModelEvaluator.CheckFits(Task, FeatureCount, OutputCount, rawData, nameof(rawData), "dataset");
        int width = OutputCount;
        double lossSum = 0;
        int correct = 0;
        RunInChunks(rawData, (start, rows, outputs) => ModelEvaluator.Accumulate(outputs, width, rawData, start, rows, ref lossSum, ref correct));
        return Task == TaskKind.Classification
            ? new Evaluation(lossSum / rawData.Count, (double)correct / rawData.Count)
            : new Evaluation(lossSum / ((double)rawData.Count * width), null);
    }

    /// <summary>
    /// Saves the model to a file in HyperTune's versioned binary model format: the task, the layer
    /// sizes, the activation, both standardisations, the class count, the weights, the metadata and
    /// the library version. <see cref="Load(string)"/> reads it back; its predictions are bit for
    /// bit the same.
    /// </summary>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <exception cref="NotSupportedException">The model is not the built-in dense network.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = ModelFile.Write(this);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Writes the model to <paramref name="stream"/> in the format of <see cref="Save(string)"/>, from its current position.</summary>
    /// <param name="stream">A writable stream; left open.</param>
    /// <exception cref="NotSupportedException">The model is not the built-in dense network.</exception>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ModelFile.Write(this));
    }

    /// <summary>Loads a model that <see cref="Save(string)"/> wrote.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">The file is not a HyperTune model, is truncated or damaged, has sizes that
    /// disagree, or was written by a newer format version; the message says which and where. Nothing half-built is returned.</exception>
    public static TrainedModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return ModelFile.Read(stream, path);
    }

    /// <summary>Reads one model that <see cref="Save(Stream)"/> wrote, from the stream's current position; the stream is left just after it.</summary>
    /// <param name="stream">A readable stream; left open.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">The data is not a HyperTune model, is truncated or damaged, has sizes that
    /// disagree, or was written by a newer format version; the message says which. Nothing half-built is returned.</exception>
    public static TrainedModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ModelFile.Read(stream, "the stream");
    }

    /// <summary>
    /// Exports the model as an ONNX graph (opset 13): input <c>features</c>, raw float32 rows
    /// <c>[N, FeatureCount]</c>, standardised inside the graph; output <c>probabilities</c>
    /// (classification, softmax) or <c>values</c> (regression, on the scale of the training
    /// targets), <c>[N, OutputCount]</c>. ONNX Runtime's results match <see cref="Predict(Dataset)"/>
    /// to float rounding.
    /// </summary>
    /// <param name="path">The .onnx file to write (replaced if it exists).</param>
    /// <exception cref="NotSupportedException">The model is not the built-in dense network.</exception>
    public void ExportOnnx(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, OnnxExporter.Export(this));
    }

    /// <summary>Writes the ONNX graph of <see cref="ExportOnnx(string)"/> to <paramref name="stream"/>.</summary>
    /// <param name="stream">A writable stream; left open.</param>
    /// <exception cref="NotSupportedException">The model is not the built-in dense network.</exception>
    public void ExportOnnx(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(OnnxExporter.Export(this));
    }

    /// <summary>The dense snapshot a file or an ONNX graph is made of.</summary>
    internal DenseInference RequireDense(string what) => _dense
        ?? throw new NotSupportedException($"Only a model of the built-in DenseNetwork can {what}; this one is a {_custom!.GetType().Name}.");

    /// <summary>What a whole-dataset method does with the outputs of rows <c>start</c> to <c>start + rows - 1</c>.</summary>
    private delegate void ChunkOutputs(int start, int rows, ReadOnlySpan<float> outputs);

    /// <summary>Runs every row of <paramref name="data"/> a chunk at a time into one pooled buffer, handing each chunk's outputs to <paramref name="use"/>.</summary>
    private void RunInChunks(Dataset data, ChunkOutputs use)
    {
        int width = OutputCount;
        float[] buffer = ArrayPool<float>.Shared.Rent(DenseInference.ChunkRows * width);
        try
        {
            for (int start = 0; start < data.Count; start += DenseInference.ChunkRows)
            {
                int rows = Math.Min(DenseInference.ChunkRows, data.Count - start);
                Span<float> outputs = buffer.AsSpan(0, rows * width);
                Run(data.Features.Slice(start * FeatureCount, rows * FeatureCount), rows, outputs);
                use(start, rows, outputs);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>Standardises, runs the network and un-standardises, a chunk of rows at a time. The rows are checked.</summary>
    private void Run(ReadOnlySpan<float> rawRows, int rows, Span<float> outputs)
    {
        int width = FeatureCount;
        int outputWidth = OutputCount;
        int chunk = Math.Min(rows, DenseInference.ChunkRows);
        float[]? scratch = Standardization is null ? null : ArrayPool<float>.Shared.Rent(chunk * width);
        try
        {
            for (int start = 0; start < rows; start += DenseInference.ChunkRows)
            {
                int count = Math.Min(DenseInference.ChunkRows, rows - start);
                ReadOnlySpan<float> input = rawRows.Slice(start * width, count * width);
                if (scratch is not null)
                {
                    Span<float> standardised = scratch.AsSpan(0, input.Length);
                    Standardization!.Apply(input, standardised);
                    input = standardised;
                }

                Span<float> output = outputs.Slice(start * outputWidth, count * outputWidth);
                if (_dense is not null)
                {
                    _dense.Predict(input, count, output);
                }
                else
                {
                    lock (_gate) _custom!.Predict(input, count, output);
                }
                TargetStandardization?.Invert(output, output);
            }
        }
        finally
        {
            if (scratch is not null) ArrayPool<float>.Shared.Return(scratch);
        }
    }

    private void CheckRow(ReadOnlySpan<float> rawFeatures)
    {
        if (rawFeatures.Length != FeatureCount)
            throw new ArgumentException($"The model takes {FeatureCount} features a row, but {rawFeatures.Length} were given.", nameof(rawFeatures));
        CheckFinite(rawFeatures, nameof(rawFeatures));
    }

    private void CheckFinite(ReadOnlySpan<float> values, string parameter)
    {
        int width = FeatureCount;
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                string where = values.Length == width ? $"Feature {i}" : $"Row {i / width}, feature {i % width}";
                throw new ArgumentException($"{where} is {values[i].ToString(CultureInfo.InvariantCulture)}; every feature must be finite.", parameter);
            }
        }
    }

    private void CheckWidth(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != FeatureCount)
            throw new ArgumentException($"The model takes {FeatureCount} features a row, but the dataset has {data.FeatureCount}.", nameof(data));
    }

    private void RequireTask(TaskKind task, string method)
    {
        if (Task != task)
            throw new InvalidOperationException($"{method} is for {task} models; this model does {Task}.");
    }
}
