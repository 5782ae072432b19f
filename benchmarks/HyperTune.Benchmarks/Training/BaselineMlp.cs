namespace HyperTune.Benchmarks.Training;

/// <summary>
/// What the baselines share: a one-hidden-layer ReLU MLP with softmax + cross-entropy, weights stored
/// the textbook way (<c>W[out, in]</c>), SGD or Adam (PyTorch's defaults) over one parameter array.
/// </summary>
internal abstract class BaselineMlp
{
    protected readonly int In, Hidden, Out;
    protected readonly float[] Parameters, Gradients, First, Second;
    protected readonly int W1, B1, W2, B2;
    protected readonly float[] H, DH, O;
    private readonly OptimizerKind _optimizer;
    private int _step;

    protected BaselineMlp(MlpShape shape, int batch, OptimizerKind optimizer)
    {
        (In, Hidden, Out) = (shape.Inputs, shape.Hidden, shape.Outputs);
        W1 = 0;
        B1 = In * Hidden;
        W2 = B1 + Hidden;
        B2 = W2 + (Hidden * Out);
        int count = B2 + Out;
        Parameters = new float[count];
        Gradients = new float[count];
        First = new float[count];
        Second = new float[count];
        var random = new Random(1);
        for (int i = 0; i < B1; i++) Parameters[i] = ((random.NextSingle() * 2) - 1) * MathF.Sqrt(6f / In);
        for (int i = W2; i < B2; i++) Parameters[i] = ((random.NextSingle() * 2) - 1) * MathF.Sqrt(6f / (Hidden + Out));
        H = new float[batch * Hidden];
        DH = new float[batch * Hidden];
        O = new float[batch * Out];
        _optimizer = optimizer;
    }

    /// <summary>Forward, backward (mean loss's gradient into <see cref="Gradients"/>), and returns the mean loss.</summary>
    public abstract float ForwardBackward(ReadOnlySpan<float> x, ReadOnlySpan<int> labels, int batch);

    public void Step(float learningRate)
    {
        if (_optimizer == OptimizerKind.Sgd) Sgd(learningRate);
        else
        {
            _step++;
            Adam(learningRate, (float)(learningRate / (1 - Math.Pow(0.9, _step))), (float)Math.Sqrt(1 - Math.Pow(0.999, _step)));
        }
    }

    protected abstract void Sgd(float learningRate);

    protected abstract void Adam(float learningRate, float stepSize, float secondRoot);
}
