using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using HyperTune.Numerics;

namespace HyperTune.Network;

/// <summary>
/// The multi-layer perceptron itself, written once over the element type and the kernels:
/// <see cref="DenseNetwork"/> runs it in float on <see cref="SimdKernels"/>, and the gradient check runs
/// it in double on <see cref="ReferenceKernels{T}"/>, so finite differences verify the same forward
/// and backward pass that trains.
/// </summary>
/// <remarks>
/// Layer <c>l</c> maps <c>widths[l]</c> inputs to <c>widths[l + 1]</c> outputs with a weight
/// matrix stored <c>inputs x outputs</c> row-major (so the forward pass is <c>Y = X·W + b</c> with
/// B's rows contiguous: the layout the broadcast GEMM wants) followed by its bias; all layers lie
/// back to back in one parameter array, the gradients likewise. Every buffer is allocated for the
/// largest batch seen so far and reused: a step allocates nothing.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TKernels">The kernels.</typeparam>
internal sealed class MlpCore<T, TKernels> : IRecyclable
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernels : struct, ILayerKernels<T>
{
    private readonly int[] _widths;
    private readonly int[] _weightOffsets;
    private readonly int[] _biasOffsets;
    private readonly AlignedBuffer<T> _parameters;
    private readonly AlignedBuffer<T> _gradients;
    private readonly AlignedBuffer<T> _transposed;
    private readonly int _widest;
    private Xoshiro256 _dropoutRandom;

    private int _capacity;
    private AlignedBuffer<T>[] _activations = [];
    private AlignedBuffer<T>[] _masks = [];
    private AlignedBuffer<T>[] _dropped = [];
    private AlignedBuffer<T>? _output;
    private AlignedBuffer<T>? _deltaA;
    private AlignedBuffer<T>? _deltaB;

    /// <summary>Builds the network and initialises its weights from <paramref name="seed"/>.</summary>
    public MlpCore(int inputs, int hiddenLayers, int hiddenUnits, int outputs, TaskKind task, Activation activation, double dropout, int seed)
        : this(inputs, EqualWidths(hiddenLayers, hiddenUnits), outputs, task, activation, dropout, seed)
    {
    }

    /// <summary>Builds a network whose hidden layers have the given widths, and initialises its weights from <paramref name="seed"/>.</summary>
    public MlpCore(int inputs, ReadOnlySpan<int> hiddenWidths, int outputs, TaskKind task, Activation activation, double dropout, int seed)
    {
        Task = task;
        Activation = activation;
        Dropout = dropout;
        int hiddenLayers = hiddenWidths.Length;
        _widths = new int[hiddenLayers + 2];
        _widths[0] = inputs;
        hiddenWidths.CopyTo(_widths.AsSpan(1));
        _widths[hiddenLayers + 1] = outputs;

        int layers = hiddenLayers + 1;
        _weightOffsets = new int[layers];
        _biasOffsets = new int[layers];
        long count = 0;
        long largestMatrix = 0;
        for (int l = 0; l < layers; l++)
        {
            _weightOffsets[l] = checked((int)count);
            count += (long)_widths[l] * _widths[l + 1];
            _biasOffsets[l] = checked((int)count);
            count += _widths[l + 1];
            if (l > 0) largestMatrix = Math.Max(largestMatrix, (long)_widths[l] * _widths[l + 1]);
        }

        if (count > Array.MaxLength / 2)
            throw new ArgumentException($"The network would have {count} parameters, more than one array holds.", nameof(hiddenWidths));
        _parameters = new AlignedBuffer<T>((int)count);
        _gradients = new AlignedBuffer<T>((int)count);
        _transposed = new AlignedBuffer<T>((int)largestMatrix);
        for (int l = 1; l < _widths.Length; l++) _widest = Math.Max(_widest, _widths[l]);

        Initialise(seed);
    }

    /// <summary>The widths of the hidden layers, first to last.</summary>
    public ReadOnlySpan<int> HiddenWidths => _widths.AsSpan(1, _widths.Length - 2);

    private static int[] EqualWidths(int layers, int units)
    {
        var widths = new int[layers];
        Array.Fill(widths, units);
        return widths;
    }

    /// <summary>Classification or regression.</summary>
    public TaskKind Task { get; }

    /// <summary>The hidden layers' non-linearity.</summary>
    public Activation Activation { get; }

    /// <summary>The dropout probability of the hidden layers.</summary>
    public double Dropout { get; }

    /// <summary>Inputs a row.</summary>
    public int InputCount => _widths[0];

    /// <summary>Outputs a row.</summary>
    public int OutputCount => _widths[^1];

    /// <summary>Hidden layers.</summary>
    public int HiddenLayers => _widths.Length - 2;

    /// <summary>All weights and biases, layer by layer (weights <c>inputs x outputs</c> row-major, then biases).</summary>
    public Span<T> Parameters => _parameters.Span;

    /// <summary>The gradient of the last batch's mean loss, laid out as <see cref="Parameters"/>.</summary>
    public Span<T> Gradients => _gradients.Span;

    /// <summary>The rows the buffers hold.</summary>
    public int Capacity => _capacity;

    /// <summary>Where layer <paramref name="layer"/>'s weights start in <see cref="Parameters"/>.</summary>
    public int WeightOffset(int layer) => _weightOffsets[layer];

    /// <summary>Where layer <paramref name="layer"/>'s biases start in <see cref="Parameters"/>.</summary>
    public int BiasOffset(int layer) => _biasOffsets[layer];

    /// <summary>Restarts the dropout masks' random sequence (the gradient check draws the same mask for every evaluation).</summary>
    public void ReseedDropout(ulong seed) => _dropoutRandom = new Xoshiro256(seed);

    /// <summary>Makes the buffers hold at least <paramref name="rows"/> rows; grows once, never shrinks.</summary>
    [MethodImpl(Hot.Path)]
    public void EnsureCapacity(int rows)
    {
        if (rows <= _capacity) return;
        RecycleBatchBuffers();
        int hidden = HiddenLayers;
        _activations = new AlignedBuffer<T>[hidden];
        _masks = Dropout > 0 ? new AlignedBuffer<T>[hidden] : [];
        _dropped = Dropout > 0 ? new AlignedBuffer<T>[hidden] : [];
        for (int l = 0; l < hidden; l++)
        {
            int size = checked(rows * _widths[l + 1]);
            _activations[l] = new AlignedBuffer<T>(size);
            if (Dropout > 0)
            {
                _masks[l] = new AlignedBuffer<T>(size);
                _dropped[l] = new AlignedBuffer<T>(size);
            }
        }

        _output = new AlignedBuffer<T>(checked(rows * OutputCount));
        _deltaA = new AlignedBuffer<T>(checked(rows * _widest));
        _deltaB = new AlignedBuffer<T>(checked(rows * _widest));
        _capacity = rows;
    }

    /// <summary>Hands every buffer back to the pool: the run that built this network is over, and nothing uses it again.</summary>
    public void Recycle()
    {
        RecycleBatchBuffers();
        _parameters.Recycle();
        _gradients.Recycle();
        _transposed.Recycle();
        _capacity = 0;
    }

    /// <summary>The buffers sized for a batch, which no span handed out of this class refers to.</summary>
    private void RecycleBatchBuffers()
    {
        foreach (AlignedBuffer<T> buffer in _activations) buffer.Recycle();
        foreach (AlignedBuffer<T> buffer in _masks) buffer.Recycle();
        foreach (AlignedBuffer<T> buffer in _dropped) buffer.Recycle();
        _output?.Recycle();
        _deltaA?.Recycle();
        _deltaB?.Recycle();
    }

    /// <summary>
    /// The training step's model half: forward pass with dropout, the mean loss, and the backward
    /// pass that overwrites <see cref="Gradients"/> with the gradient of that mean.
    /// </summary>
    [MethodImpl(Hot.Path)]
    public T ForwardBackward(ReadOnlySpan<T> features, int rows, ReadOnlySpan<int> labels, ReadOnlySpan<T> targets)
    {
        EnsureCapacity(rows);
        Forward(features, rows, training: true);
        Span<T> output = _output!.Span.Slice(0, rows * OutputCount);
        Span<T> delta = _deltaA!.Span.Slice(0, rows * OutputCount);
        T loss = Task == TaskKind.Classification
            ? TKernels.SoftmaxCrossEntropy(output, labels, delta, rows, OutputCount)
            : TKernels.MeanSquaredError(output, targets.Slice(0, rows * OutputCount), delta);
        Backward(features, rows);
        return loss;
    }

    /// <summary>Inference: probabilities (classification) or values (regression) for each row, batch by batch of <see cref="Capacity"/>.</summary>
    [MethodImpl(Hot.Path)]
    public void Predict(ReadOnlySpan<T> features, int rows, Span<T> outputs)
    {
        if (rows == 0) return;
        if (_capacity == 0) EnsureCapacity(Math.Min(rows, 256));
        int outputsPerRow = OutputCount;
        for (int start = 0; start < rows; start += _capacity)
        {
            int count = Math.Min(_capacity, rows - start);
            Forward(features.Slice(start * InputCount, count * InputCount), count, training: false);
            Span<T> output = _output!.Span.Slice(0, count * outputsPerRow);
            if (Task == TaskKind.Classification) TKernels.Softmax(output, count, outputsPerRow);
            output.CopyTo(outputs.Slice(start * outputsPerRow, count * outputsPerRow));
        }
    }

    [MethodImpl(Hot.Path)]
    private void Forward(ReadOnlySpan<T> features, int rows, bool training)
    {
        ReadOnlySpan<T> input = features.Slice(0, rows * InputCount);
        ReadOnlySpan<T> parameters = _parameters.Span;
        bool dropout = training && Dropout > 0;
        for (int l = 0; l < HiddenLayers; l++)
        {
            int inputs = _widths[l];
            int outputs = _widths[l + 1];
            Span<T> activation = _activations[l].Span.Slice(0, rows * outputs);
            TKernels.Forward(input, Weights(parameters, l), Biases(parameters, l), activation, rows, inputs, outputs);
            if (Activation == Activation.Relu) TKernels.Relu(activation);
            else TKernels.Tanh(activation);

            if (dropout)
            {
                Span<T> mask = _masks[l].Span.Slice(0, rows * outputs);
                Span<T> dropped = _dropped[l].Span.Slice(0, rows * outputs);
                TKernels.DropoutMask(mask, Dropout, ref _dropoutRandom);
                TKernels.Multiply(activation, mask, dropped);
                input = dropped;
            }
            else
            {
                input = activation;
            }
        }

        int last = HiddenLayers;
        TKernels.Forward(input, Weights(parameters, last), Biases(parameters, last), _output!.Span.Slice(0, rows * OutputCount), rows, _widths[last], OutputCount);
    }

    /// <summary>Backpropagates the loss gradient left in <c>_deltaA</c> by the loss kernel.</summary>
    [MethodImpl(Hot.Path)]
    private void Backward(ReadOnlySpan<T> features, int rows)
    {
        ReadOnlySpan<T> parameters = _parameters.Span;
        Span<T> gradients = _gradients.Span;
        AlignedBuffer<T> current = _deltaA!;
        AlignedBuffer<T> next = _deltaB!;
        for (int l = HiddenLayers; l >= 0; l--)
        {
            int inputs = _widths[l];
            int outputs = _widths[l + 1];
            Span<T> delta = current.Span.Slice(0, rows * outputs);
            ReadOnlySpan<T> input = l == 0
                ? features.Slice(0, rows * inputs)
                : (Dropout > 0 ? _dropped[l - 1] : _activations[l - 1]).Span.Slice(0, rows * inputs);
            TKernels.WeightGradient(input, delta, Weights(gradients, l), rows, inputs, outputs);
            TKernels.ColumnSums(delta, rows, outputs, Biases(gradients, l));
            if (l == 0) break;

            Span<T> inputDelta = next.Span.Slice(0, rows * inputs);
            TKernels.InputGradient(delta, Weights(parameters, l), inputDelta, rows, inputs, outputs, _transposed.Span);
            if (Dropout > 0) TKernels.Multiply(inputDelta, _masks[l - 1].Span.Slice(0, rows * inputs), inputDelta);
            ReadOnlySpan<T> activation = _activations[l - 1].Span.Slice(0, rows * inputs);
            if (Activation == Activation.Relu) TKernels.ReluBackward(inputDelta, activation);
            else TKernels.TanhBackward(inputDelta, activation);
            (current, next) = (next, current);
        }
    }

    private Span<T> Weights(Span<T> all, int layer) => all.Slice(_weightOffsets[layer], _widths[layer] * _widths[layer + 1]);

    private ReadOnlySpan<T> Weights(ReadOnlySpan<T> all, int layer) => all.Slice(_weightOffsets[layer], _widths[layer] * _widths[layer + 1]);

    private Span<T> Biases(Span<T> all, int layer) => all.Slice(_biasOffsets[layer], _widths[layer + 1]);

    private ReadOnlySpan<T> Biases(ReadOnlySpan<T> all, int layer) => all.Slice(_biasOffsets[layer], _widths[layer + 1]);

    /// <summary>
    /// Uniform initialisation from one seeded stream, layer by layer: He (bound <c>√(6 / fan_in)</c>,
    /// PyTorch's <c>kaiming_uniform_</c> for ReLU) for ReLU hidden layers, Glorot (bound
    /// <c>√(6 / (fan_in + fan_out))</c>, gain 1) for tanh hidden layers and for the linear output
    /// layer; biases zero. Draws are made in double and rounded to <typeparamref name="T"/>, so the
    /// float and double networks of one seed start from the same weights up to rounding.
    /// </summary>
    [MethodImpl(Hot.Path)]
    private void Initialise(int seed)
    {
        var random = new Xoshiro256((ulong)(uint)seed);
        _dropoutRandom = new Xoshiro256(((ulong)(uint)seed) ^ 0xD1B54A32D192ED03UL);
        Span<T> parameters = _parameters.Span;
        for (int l = 0; l <= HiddenLayers; l++)
        {
            int fanIn = _widths[l];
            int fanOut = _widths[l + 1];
            bool he = l < HiddenLayers && Activation == Activation.Relu;
            double bound = he ? Math.Sqrt(6.0 / fanIn) : Math.Sqrt(6.0 / (fanIn + fanOut));
            Span<T> weights = Weights(parameters, l);
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = T.CreateChecked(((2 * random.NextDouble()) - 1) * bound);
            }

            Biases(parameters, l).Clear();
        }
    }
}
