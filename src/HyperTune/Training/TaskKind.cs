namespace HyperTune;

/// <summary>What a dataset's targets are, and so which output layer and loss a model uses.</summary>
public enum TaskKind
{
    /// <summary>Integer class labels; softmax outputs and cross-entropy loss.</summary>
    Classification = 0,

    /// <summary>Real-valued targets; linear outputs and mean squared error.</summary>
    Regression = 1,
}
