namespace HyperTune.Tests.Training;

/// <summary>
/// A user's own model with a scripted behaviour, to drive the generated loop's policies exactly:
/// one parameter that SGD moves by the learning rate each step (its gradient is -1), a training
/// loss per step, and a validation loss per evaluation (a two-class model whose probability of the
/// true class is chosen so the cross-entropy equals the scripted value).
/// </summary>
internal sealed class ScriptedModel : ITrainableModel
{
    private readonly float[] _parameters = new float[1];
    private readonly float[] _gradients = { -1f };
    private readonly Func<long, float> _trainingLoss;
    private readonly double[] _validationLosses;
    private long _steps;

    public ScriptedModel(double[] validationLosses, Func<long, float>? trainingLoss = null)
    {
        _validationLosses = validationLosses;
        _trainingLoss = trainingLoss ?? (_ => 1f);
    }

    public int Evaluations { get; private set; }

    public TaskKind Task => TaskKind.Classification;

    public int InputCount => 1;

    public int OutputCount => 2;

    public Span<float> Parameters => _parameters;

    public ReadOnlySpan<float> Gradients => _gradients;

    public float ForwardBackward(in MiniBatch batch) => _trainingLoss(++_steps);

    public void Predict(ReadOnlySpan<float> features, int rows, Span<float> outputs)
    {
        double loss = _validationLosses[Math.Min(Evaluations, _validationLosses.Length - 1)];
        Evaluations++;
        float truth = (float)Math.Exp(-loss);
        for (int row = 0; row < rows; row++)
        {
            // Every row's label is 0 (see Data): the probability of class 0 sets the loss.
            outputs[2 * row] = truth;
            outputs[2 * row + 1] = 1 - truth;
        }
    }

    /// <summary>Rows all labelled 0, so that the scripted probability is the true class's.</summary>
    public static Dataset Data(int rows) =>
        Dataset.Classification(Enumerable.Range(0, rows).Select(i => new[] { (float)i }).ToArray(), new int[rows], classCount: 2);
}
