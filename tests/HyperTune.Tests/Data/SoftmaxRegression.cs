namespace HyperTune.Tests.Data;

/// <summary>
/// Multinomial logistic regression, written plainly: the smallest real <see cref="ITrainableModel"/>,
/// so the data side can be tested end to end without the dense network.
/// Parameters: a classes x inputs weight matrix, row-major, then one bias a class.
/// </summary>
internal sealed class SoftmaxRegression : ITrainableModel
{
    private readonly float[] _parameters;
    private readonly float[] _gradients;
    private readonly float[] _probabilities;

    public SoftmaxRegression(int inputs, int classes)
    {
        InputCount = inputs;
        OutputCount = classes;
        _parameters = new float[classes * inputs + classes];
        _gradients = new float[_parameters.Length];
        _probabilities = new float[classes];
    }

    public TaskKind Task => TaskKind.Classification;
    public int InputCount { get; }
    public int OutputCount { get; }
    public Span<float> Parameters => _parameters;
    public ReadOnlySpan<float> Gradients => _gradients;

    public float ForwardBackward(in MiniBatch batch)
    {
        Array.Clear(_gradients);
        double loss = 0;
        int biases = OutputCount * InputCount;
        for (int i = 0; i < batch.Count; i++)
        {
            ReadOnlySpan<float> x = batch.Features.Slice(i * InputCount, InputCount);
            Softmax(x, _probabilities);
            int label = batch.Labels[i];
            loss -= Math.Log(Math.Max(_probabilities[label], 1e-30f));
            for (int c = 0; c < OutputCount; c++)
            {
                float delta = (_probabilities[c] - (c == label ? 1f : 0f)) / batch.Count;
                for (int j = 0; j < InputCount; j++) _gradients[c * InputCount + j] += delta * x[j];
                _gradients[biases + c] += delta;
            }
        }
        return (float)(loss / batch.Count);
    }

    public void Predict(ReadOnlySpan<float> features, int rows, Span<float> outputs)
    {
        for (int i = 0; i < rows; i++)
            Softmax(features.Slice(i * InputCount, InputCount), outputs.Slice(i * OutputCount, OutputCount));
    }

    private void Softmax(ReadOnlySpan<float> x, Span<float> probabilities)
    {
        int biases = OutputCount * InputCount;
        float max = float.NegativeInfinity;
        for (int c = 0; c < OutputCount; c++)
        {
            float z = _parameters[biases + c];
            for (int j = 0; j < InputCount; j++) z += _parameters[c * InputCount + j] * x[j];
            probabilities[c] = z;
            max = Math.Max(max, z);
        }
        float sum = 0;
        for (int c = 0; c < OutputCount; c++) sum += probabilities[c] = MathF.Exp(probabilities[c] - max);
        for (int c = 0; c < OutputCount; c++) probabilities[c] /= sum;
    }
}
