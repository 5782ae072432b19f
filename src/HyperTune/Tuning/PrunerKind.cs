namespace HyperTune;

/// <summary>How a study stops unpromising trials early, from the intermediate values they report.</summary>
public enum PrunerKind
{
    /// <summary>Every trial runs to its end.</summary>
    None = 0,

    /// <summary>
    /// Stops a trial whose best value so far is worse than the median of the other trials at the same
    /// step (Golovin et al. 2017), after start-up trials and warm-up steps.
    /// </summary>
    Median = 1,

    /// <summary>
    /// Asynchronous successive halving (Li et al. 2020): at each rung a trial continues only if it is in
    /// the top 1 / <see cref="TuneOptions.ReductionFactor"/> of the trials that reached that rung; nobody waits.
    /// </summary>
    SuccessiveHalving = 2,

    /// <summary>Hyperband (Li et al. 2018) over brackets of asynchronous successive halving.</summary>
    Hyperband = 3,
}
