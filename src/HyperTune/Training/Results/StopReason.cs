namespace HyperTune;

/// <summary>Why a training run ended.</summary>
public enum StopReason
{
    /// <summary>Every epoch the config allows has run.</summary>
    MaxEpochs = 0,

    /// <summary>The early-stopping monitor saw no improvement for its patience.</summary>
    EarlyStopping = 1,

    /// <summary>The every-N-steps validation monitor saw no improvement for its rounds.</summary>
    ValidationMonitor = 2,

    /// <summary>The global step reached the config's <see cref="StopAtStepAttribute"/>.</summary>
    StopAtStep = 3,

    /// <summary>A loss was NaN or infinite: the run diverged and failed (<see cref="TrainingResult.Failed"/>).</summary>
    NaNLoss = 4,

    /// <summary>A tuning study's pruner stopped the run: its validation losses were not promising (see <see cref="TrainOptions.Trial"/>).</summary>
    Pruned = 6,
}
