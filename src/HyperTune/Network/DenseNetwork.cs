using System;
using System.Runtime.CompilerServices;
using HyperTune.Network;
using HyperTune.Numerics;

namespace HyperTune;

/// <summary>
/// A dense multi-layer perceptron the training loop trains: <see cref="HiddenLayers"/> hidden layers
/// of <see cref="HiddenUnits"/> units with ReLU or tanh and optional inverted dropout, then a linear
/// output layer with softmax + cross-entropy (classification) or mean squared error (regression).
/// </summary>
/// <remarks>
/// <para>All weights and biases live in one contiguous <see cref="Parameters"/> span (gradients
/// likewise), layer after layer: weights <c>inputs x outputs</c> row-major, then biases. An optimiser
/// updates everything in one fused pass, and the loop snapshots and restores best weights with one
/// copy. Weight decay is the optimiser's business, not the network's.</para>
/// <para>Buffers are sized for the largest batch seen (grown once when a bigger one comes; see
/// <see cref="EnsureBatchCapacity"/>): a training step allocates nothing. The same seed gives
/// bit-identical weights, dropout masks and results on the same machine. Not thread-safe: one
/// network, one training loop.</para>
/// </remarks>
public sealed class DenseNetwork : ITrainableModel, IRecyclable
{
    private readonly MlpCore<float, SimdKernels> _core;
    private readonly ParameterLayout _layout;

    /// <summary>Builds a network and initialises its weights from <paramref name="seed"/>.</summary>
    /// <param name="inputCount">Features a row.</param>
    /// <param name="outputCount">Classes (classification, at least 2) or targets a row (regression).</param>
    /// <param name="task">Classification (softmax + cross-entropy) or regression (mean squared error).</param>
    /// <param name="hiddenLayers">Hidden layers (0 gives a linear model).</param>
    /// <param name="hiddenUnits">Units in each hidden layer.</param>
    /// <param name="activation">The hidden layers' non-linearity; it also picks the initialisation (He for ReLU, Glorot for tanh).</param>
    /// <param name="dropout">The probability of dropping a hidden unit while training, in [0, 1).</param>
    /// <param name="seed">Seeds the initial weights and the dropout masks.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or the dropout probability is out of range; the message names it and its value.</exception>
    public DenseNetwork(int inputCount, int outputCount, TaskKind task, int hiddenLayers = 1, int hiddenUnits = 128,
        Activation activation = Activation.Relu, double dropout = 0, int seed = 0)
        : this(inputCount, outputCount, task, EqualWidths(hiddenLayers, hiddenUnits), activation, dropout, seed)
    {
    }

    /// <summary>
    /// Builds a network whose hidden layers have their own widths (a 128-64 funnel, say) and
    /// initialises its weights from <paramref name="seed"/>.
    /// </summary>
    /// <param name="inputCount">Features a row.</param>
    /// <param name="outputCount">Classes (classification, at least 2) or targets a row (regression).</param>
    /// <param name="task">Classification (softmax + cross-entropy) or regression (mean squared error).</param>
    /// <param name="hiddenWidths">The units of each hidden layer, first to last (empty gives a linear model).</param>
    /// <param name="activation">The hidden layers' non-linearity; it also picks the initialisation (He for ReLU, Glorot for tanh).</param>
    /// <param name="dropout">The probability of dropping a hidden unit while training, in [0, 1).</param>
    /// <param name="seed">Seeds the initial weights and the dropout masks.</param>
    /// <exception cref="ArgumentNullException"><paramref name="hiddenWidths"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size or the dropout probability is out of range; the message names it and its value.</exception>
    public DenseNetwork(int inputCount, int outputCount, TaskKind task, int[] hiddenWidths, Activation activation, double dropout, int seed)
    {
        ArgumentNullException.ThrowIfNull(hiddenWidths);
        if (inputCount < 1) throw new ArgumentOutOfRangeException(nameof(inputCount), inputCount, "A network needs at least one input.");
        if (task == TaskKind.Classification && outputCount < 2)
            throw new ArgumentOutOfRangeException(nameof(outputCount), outputCount, "A classifier needs at least two classes.");
        if (outputCount < 1) throw new ArgumentOutOfRangeException(nameof(outputCount), outputCount, "A network needs at least one output.");
        if (task is not (TaskKind.Classification or TaskKind.Regression)) throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown task.");
        for (int layer = 0; layer < hiddenWidths.Length; layer++)
        {
            if (hiddenWidths[layer] < 1)
                throw new ArgumentOutOfRangeException(nameof(hiddenWidths), hiddenWidths[layer], $"Hidden layer {layer} has {hiddenWidths[layer]} units; a hidden layer needs at least one.");
        }

        if (activation is not (Activation.Relu or Activation.Tanh)) throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        if (!(dropout >= 0 && dropout < 1)) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "The dropout probability must be in [0, 1).");

        _core = new MlpCore<float, SimdKernels>(inputCount, hiddenWidths, outputCount, task, activation, dropout, seed);
        _layout = CreateLayout(_core);
        HiddenUnits = hiddenWidths.Length > 0 ? hiddenWidths[0] : 0;
        Seed = seed;
    }

    /// <summary>
    /// The widths of <paramref name="layers"/> hidden layers that narrow by <paramref name="shrink"/>:
    /// layer <c>i</c> has <c>round(firstWidth · shrink^i)</c> units, at least 1. For
    /// <c>[HiddenShrink]</c>; (2, 128, 0.5) gives 128-64.
    /// </summary>
    /// <param name="layers">Hidden layers, 0 or more.</param>
    /// <param name="firstWidth">Units of the first hidden layer, at least 1.</param>
    /// <param name="shrink">Each layer's width as a fraction of the one before, in (0, 1].</param>
    /// <returns>The widths, first to last.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range; the message names it and its value.</exception>
    public static int[] ShrinkingWidths(int layers, int firstWidth, double shrink)
    {
        if (layers < 0) throw new ArgumentOutOfRangeException(nameof(layers), layers, "Hidden layers cannot be negative.");
        if (layers > 0 && firstWidth < 1) throw new ArgumentOutOfRangeException(nameof(firstWidth), firstWidth, "A hidden layer needs at least one unit.");
        if (!(shrink > 0 && shrink <= 1)) throw new ArgumentOutOfRangeException(nameof(shrink), shrink, "The shrink factor must be in (0, 1].");
        var widths = new int[layers];
        double width = firstWidth;
        for (int layer = 0; layer < layers; layer++)
        {
            widths[layer] = Math.Max(1, (int)Math.Round(width, MidpointRounding.AwayFromZero));
            width *= shrink;
        }

        return widths;
    }

    /// <inheritdoc/>
    public TaskKind Task => _core.Task;

    /// <inheritdoc/>
    public int InputCount => _core.InputCount;

    /// <inheritdoc/>
    public int OutputCount => _core.OutputCount;

    /// <summary>Hidden layers.</summary>
    public int HiddenLayers => _core.HiddenLayers;

    /// <summary>Units in each hidden layer, or in the first when the widths differ (0 without hidden layers).</summary>
    public int HiddenUnits { get; }

    /// <summary>The units of each hidden layer, first to last.</summary>
    public ReadOnlySpan<int> HiddenWidths => _core.HiddenWidths;

    private static int[] EqualWidths(int hiddenLayers, int hiddenUnits)
    {
        if (hiddenLayers < 0) throw new ArgumentOutOfRangeException(nameof(hiddenLayers), hiddenLayers, "Hidden layers cannot be negative.");
        if (hiddenLayers > 0 && hiddenUnits < 1) throw new ArgumentOutOfRangeException(nameof(hiddenUnits), hiddenUnits, "A hidden layer needs at least one unit.");
        var widths = new int[hiddenLayers];
        Array.Fill(widths, hiddenUnits);
        return widths;
    }

    /// <summary>The hidden layers' non-linearity.</summary>
    public Activation Activation => _core.Activation;

    /// <summary>The probability of dropping a hidden unit while training.</summary>
    public double Dropout => _core.Dropout;

    /// <summary>The seed the weights and dropout masks came from.</summary>
    public int Seed { get; }

    /// <summary>Weights and biases in all: the length of <see cref="Parameters"/>.</summary>
    public int ParameterCount => _core.Parameters.Length;

    /// <summary>The rows a batch may have without the buffers growing.</summary>
    public int BatchCapacity => _core.Capacity;

    /// <inheritdoc/>
    public Span<float> Parameters => _core.Parameters;

    /// <inheritdoc/>
    public ReadOnlySpan<float> Gradients => _core.Gradients;

    /// <summary>
    /// Sizes the buffers for batches of up to <paramref name="rows"/> rows now, so the first step
    /// allocates nothing either. Buffers only grow.
    /// </summary>
    /// <param name="rows">The largest batch the run will use.</param>
    public void EnsureBatchCapacity(int rows)
    {
        if (rows < 1) throw new ArgumentOutOfRangeException(nameof(rows), rows, "A batch has at least one row.");
        _core.EnsureCapacity(rows);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The batch's task, features a row or targets a row do not match the network.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is not a class index; the message names the row.</exception>
    [MethodImpl(Hot.Path)]
    public float ForwardBackward(in MiniBatch batch)
    {
        if (batch.Count < 1) throw new ArgumentException("The batch is empty.", nameof(batch));
        if (batch.FeatureCount != InputCount)
            throw new ArgumentException($"The batch has {batch.FeatureCount} features a row; the network takes {InputCount}.", nameof(batch));
        if (batch.Task != Task)
            throw new ArgumentException($"The batch is for {batch.Task}; the network does {Task}.", nameof(batch));
        if (Task == TaskKind.Regression && batch.TargetCount != OutputCount)
            throw new ArgumentException($"The batch has {batch.TargetCount} targets a row; the network predicts {OutputCount}.", nameof(batch));
        float loss = _core.ForwardBackward(batch.Features, batch.Count, batch.Labels, batch.Targets);

        // So that an update split among threads follows the column panels this step's products used.
        _layout.Declare(_core.Parameters, batch.Count);
        return loss;
    }

    /// <inheritdoc/>
    void IRecyclable.Recycle()
        => _core.Recycle();

    /// <summary>The weight matrices of <paramref name="core"/>: layer <c>l</c> maps its inputs to the next layer's width.</summary>
    private static ParameterLayout CreateLayout(MlpCore<float, SimdKernels> core)
    {
        ReadOnlySpan<int> hidden = core.HiddenWidths;
        int layers = hidden.Length + 1;
        var offsets = new int[layers];
        var rows = new int[layers];
        var columns = new int[layers];
        for (int layer = 0; layer < layers; layer++)
        {
            offsets[layer] = core.WeightOffset(layer);
            rows[layer] = layer == 0 ? core.InputCount : hidden[layer - 1];
            columns[layer] = layer == layers - 1 ? core.OutputCount : hidden[layer];
        }

        return new ParameterLayout(core.Parameters.Length, offsets, rows, columns);
    }

    /// <inheritdoc/>
    [MethodImpl(Hot.Path)]
    public void Predict(ReadOnlySpan<float> features, int rows, Span<float> outputs)
    {
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows), rows, "Rows cannot be negative.");
        if (features.Length < (long)rows * InputCount)
            throw new ArgumentException($"{rows} rows of {InputCount} features need {(long)rows * InputCount} values, not {features.Length}.", nameof(features));
        if (outputs.Length < (long)rows * OutputCount)
            throw new ArgumentException($"{rows} rows of {OutputCount} outputs need {(long)rows * OutputCount} values, not {outputs.Length}.", nameof(outputs));
        _core.Predict(features, rows, outputs);
    }
}
