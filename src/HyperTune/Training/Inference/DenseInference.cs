using System;
using System.Buffers;
using HyperTune.Network;

namespace HyperTune.Training.Inference;

/// <summary>
/// The inference half of a trained dense network, and nothing else: the layer widths, the
/// activation and one copy of the weights, immutable. A forward pass takes its scratch from the
/// shared array pool, so any number of threads can predict at once, and a kept model costs its
/// weights rather than a training run's gradients and batch buffers. It runs the kernels that
/// <see cref="DenseNetwork"/>'s inference pass runs, layer by layer, in chunks of
/// <see cref="ChunkRows"/> rows.
/// </summary>
internal sealed class DenseInference
{
    /// <summary>Rows a forward pass computes at once: the scratch holds this many rows of the widest hidden layer.</summary>
    public const int ChunkRows = 256;

    private readonly int[] _widths;
    private readonly float[] _parameters;
    private readonly int _widestHidden;

    /// <summary>Takes the parts as given: the caller has checked that they agree (see <see cref="ParameterCount"/>).</summary>
    public DenseInference(TaskKind task, Activation activation, int[] widths, float[] parameters)
    {
        Task = task;
        Activation = activation;
        _widths = widths;
        _parameters = parameters;
        for (int l = 1; l < widths.Length - 1; l++) _widestHidden = Math.Max(_widestHidden, widths[l]);
    }

    /// <summary>A snapshot of <paramref name="network"/>'s architecture and current weights.</summary>
    public static DenseInference From(DenseNetwork network)
    {
        var widths = new int[network.HiddenLayers + 2];
        widths[0] = network.InputCount;
        network.HiddenWidths.CopyTo(widths.AsSpan(1)); // [HiddenShrink] networks narrow layer by layer.
        widths[^1] = network.OutputCount;
        return new DenseInference(network.Task, network.Activation, widths, network.Parameters.ToArray());
    }

    /// <summary>The weights and biases a network of these widths has, or -1 when they do not fit an array.</summary>
    public static long ParameterCount(ReadOnlySpan<int> widths)
    {
        long count = 0;
        for (int l = 0; l + 1 < widths.Length; l++) count += ((long)widths[l] * widths[l + 1]) + widths[l + 1];
        return count;
    }

    public TaskKind Task { get; }

    public Activation Activation { get; }

    /// <summary>Inputs, each hidden layer's units, outputs.</summary>
    public ReadOnlySpan<int> Widths => _widths;

    public ReadOnlySpan<float> Parameters => _parameters;

    public int InputCount => _widths[0];

    public int OutputCount => _widths[^1];

    public int HiddenLayers => _widths.Length - 2;

    /// <summary>Units of the first hidden layer (the others may be narrower: <c>[HiddenShrink]</c>); 0 without any.</summary>
    public int HiddenUnits => HiddenLayers > 0 ? _widths[1] : 0;

    /// <summary>Layer <paramref name="layer"/>'s weights, <c>inputs x outputs</c> row-major.</summary>
    public ReadOnlySpan<float> Weights(int layer) => _parameters.AsSpan(WeightOffset(layer), _widths[layer] * _widths[layer + 1]);

    /// <summary>Layer <paramref name="layer"/>'s biases.</summary>
    public ReadOnlySpan<float> Biases(int layer) => _parameters.AsSpan(WeightOffset(layer) + (_widths[layer] * _widths[layer + 1]), _widths[layer + 1]);

    /// <summary>A trainable <see cref="DenseNetwork"/> holding a copy of these weights (dropout off).</summary>
    public DenseNetwork ToNetwork()
    {
        var network = new DenseNetwork(InputCount, OutputCount, Task, _widths.AsSpan(1, HiddenLayers).ToArray(), Activation, dropout: 0, seed: 0);
        _parameters.CopyTo(network.Parameters);
        return network;
    }

    /// <summary>
    /// Class probabilities (softmax) or values for <paramref name="rows"/> standardised rows.
    /// Thread-safe; allocates nothing once the pool has buffers for the calling thread.
    /// </summary>
    public void Predict(ReadOnlySpan<float> features, int rows, Span<float> outputs)
    {
        int inputs = InputCount;
        int outputWidth = OutputCount;
        int chunk = Math.Min(rows, ChunkRows);
        int scratchLength = Math.Max(1, chunk * _widestHidden);
        float[] first = ArrayPool<float>.Shared.Rent(scratchLength);
        float[] second = ArrayPool<float>.Shared.Rent(scratchLength);
        try
        {
            for (int start = 0; start < rows; start += ChunkRows)
            {
                int count = Math.Min(ChunkRows, rows - start);
                ReadOnlySpan<float> input = features.Slice(start * inputs, count * inputs);
                float[] current = first;
                for (int l = 0; l < HiddenLayers; l++)
                {
                    Span<float> activation = current.AsSpan(0, count * _widths[l + 1]);
                    SimdKernels.Forward(input, Weights(l), Biases(l), activation, count, _widths[l], _widths[l + 1]);
                    if (Activation == Activation.Relu) SimdKernels.Relu(activation);
                    else SimdKernels.Tanh(activation);
                    input = activation;
                    current = current == first ? second : first;
                }

                Span<float> output = outputs.Slice(start * outputWidth, count * outputWidth);
                SimdKernels.Forward(input, Weights(HiddenLayers), Biases(HiddenLayers), output, count, _widths[HiddenLayers], outputWidth);
                if (Task == TaskKind.Classification) SimdKernels.Softmax(output, count, outputWidth);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(second);
            ArrayPool<float>.Shared.Return(first);
        }
    }

    private int WeightOffset(int layer)
    {
        int offset = 0;
        for (int l = 0; l < layer; l++) offset += (_widths[l] * _widths[l + 1]) + _widths[l + 1];
        return offset;
    }
}
