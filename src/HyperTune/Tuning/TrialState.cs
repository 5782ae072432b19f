namespace HyperTune;

/// <summary>Where a trial is in its life.</summary>
public enum TrialState
{
    /// <summary>Asked for and not finished yet (or its worker died and the study has not noticed yet).</summary>
    Running = 0,

    /// <summary>Finished with a value.</summary>
    Complete = 1,

    /// <summary>Stopped early by the pruner; its value is the last one it reported. Counts as finished.</summary>
    Pruned = 2,

    /// <summary>
    /// The objective threw or returned NaN, or the trial was interrupted (a cancelled study, a dead worker).
    /// Recorded with its message; does not count towards <see cref="TuneOptions.Trials"/>.
    /// </summary>
    Failed = 3,
}
