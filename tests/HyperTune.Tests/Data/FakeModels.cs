namespace HyperTune.Tests.Data;

/// <summary>
/// A classifier that answers with prescribed probabilities: a row whose first feature is k gets
/// row k of the table. It records the rows of each inference call, to show chunking.
/// </summary>
internal sealed class TableClassifier(float[][] probabilities, int inputCount = 1) : ITrainableModel
{
    public List<int> CallRows { get; } = [];

    public TaskKind Task => TaskKind.Classification;
    public int InputCount => inputCount;
    public int OutputCount => probabilities[0].Length;
    public Span<float> Parameters => Span<float>.Empty;
    public ReadOnlySpan<float> Gradients => ReadOnlySpan<float>.Empty;

    public float ForwardBackward(in MiniBatch batch) => throw new NotSupportedException("Inference only.");

    public void Predict(ReadOnlySpan<float> features, int rows, Span<float> outputs)
    {
        CallRows.Add(rows);
        Assert.Equal(rows * InputCount, features.Length);
        Assert.Equal(rows * OutputCount, outputs.Length);
        for (int i = 0; i < rows; i++)
            probabilities[(int)features[i * InputCount]].CopyTo(outputs.Slice(i * OutputCount, OutputCount));
    }
}

/// <summary>A regressor whose outputs are its inputs: InputCount = OutputCount.</summary>
internal sealed class IdentityRegressor(int width) : ITrainableModel
{
    public TaskKind Task => TaskKind.Regression;
    public int InputCount => width;
    public int OutputCount => width;
    public Span<float> Parameters => Span<float>.Empty;
    public ReadOnlySpan<float> Gradients => ReadOnlySpan<float>.Empty;

    public float ForwardBackward(in MiniBatch batch) => throw new NotSupportedException("Inference only.");

    public void Predict(ReadOnlySpan<float> features, int rows, Span<float> outputs) => features.CopyTo(outputs);
}

/// <summary>A classifier that gives every class the same probability, whatever the row.</summary>
internal sealed class UniformClassifier(int inputCount, int classCount) : ITrainableModel
{
    public TaskKind Task => TaskKind.Classification;
    public int InputCount => inputCount;
    public int OutputCount => classCount;
    public Span<float> Parameters => Span<float>.Empty;
    public ReadOnlySpan<float> Gradients => ReadOnlySpan<float>.Empty;

    public float ForwardBackward(in MiniBatch batch) => throw new NotSupportedException("Inference only.");

    public void Predict(ReadOnlySpan<float> features, int rows, Span<float> outputs) => outputs.Fill(1f / classCount);
}
