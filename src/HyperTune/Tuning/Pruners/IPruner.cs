namespace HyperTune.Tuning;

/// <summary>
/// Decides from intermediate values whether a running trial should stop. Stateless between calls:
/// every decision is computed from the study's stored trials, so workers of a shared study agree.
/// </summary>
internal interface IPruner
{
    /// <summary>The Hyperband bracket of a new trial, or <see langword="null"/> for a pruner without brackets.</summary>
    /// <param name="studyName">The study's name.</param>
    /// <param name="trialNumber">The trial's number.</param>
    /// <param name="seed">The study's seed.</param>
    /// <returns>The bracket.</returns>
    int? AssignBracket(string studyName, int trialNumber, int seed);

    /// <summary>Whether the trial should stop after the step it just reported.</summary>
    /// <param name="context">The trial (its intermediate values include the step just reported), the study's other trials and the direction.</param>
    /// <returns><see langword="true"/> to prune.</returns>
    bool ShouldPrune(PrunerContext context);
}
