namespace HyperTune;

/// <summary>Learning-rate schedules, each matching the PyTorch scheduler of the same idea.</summary>
public enum DecayKind
{
    /// <summary>A constant rate.</summary>
    None = 0,

    /// <summary>PyTorch's <c>StepLR</c>: multiply by <c>Gamma</c> every <c>StepSize</c> epochs.</summary>
    Step = 1,

    /// <summary>PyTorch's <c>MultiStepLR</c>: multiply by <c>Gamma</c> at each of the <c>Milestones</c>.</summary>
    MultiStep = 2,

    /// <summary>PyTorch's <c>ExponentialLR</c>: multiply by <c>Gamma</c> every epoch.</summary>
    Exponential = 3,

    /// <summary>PyTorch's <c>CosineAnnealingLR</c> (closed form) over <c>TMax</c> epochs down to <c>MinLearningRate</c>.</summary>
    Cosine = 4,

    /// <summary>PyTorch's <c>LinearLR</c>: from <c>StartFactor</c> to <c>EndFactor</c> over <c>TotalEpochs</c>.</summary>
    LinearWarmup = 5,

    /// <summary>PyTorch's <c>ReduceLROnPlateau</c>: multiply by <c>Factor</c> when the monitored value stops improving.</summary>
    ReduceOnPlateau = 6,
}
