using System;
using System.Collections.Generic;

namespace HyperTune;

/// <summary>A study's progress, reported whenever one of its trials finishes.</summary>
/// <param name="StudyName">The study's name.</param>
/// <param name="TrialNumber">The number of the trial that just finished.</param>
/// <param name="TrialState">How it finished.</param>
/// <param name="TrialValue">Its value; <see langword="null"/> for a failed trial.</param>
/// <param name="Complete">Complete trials in the study so far, this worker's and others'.</param>
/// <param name="Pruned">Pruned trials so far.</param>
/// <param name="Failed">Failed trials so far.</param>
/// <param name="Running">Trials running now.</param>
/// <param name="TargetTrials">The finished trials the study aims for (<see cref="TuneOptions.Trials"/>).</param>
/// <param name="BestNumber">The best complete trial's number; <see langword="null"/> while none is complete.</param>
/// <param name="BestValue">The best complete trial's value.</param>
/// <param name="BestParameters">The best complete trial's parameters, by dimension name.</param>
/// <param name="Elapsed">Time since this call to <c>Tune</c> started.</param>
/// <param name="Resumed">Finished trials the study already had when this call started (0 for a new study).</param>
public sealed record TuneProgress(
    string StudyName,
    int TrialNumber,
    TrialState TrialState,
    double? TrialValue,
    int Complete,
    int Pruned,
    int Failed,
    int Running,
    int TargetTrials,
    int? BestNumber,
    double? BestValue,
    IReadOnlyDictionary<string, object?>? BestParameters,
    TimeSpan Elapsed,
    int Resumed)
{
    /// <summary>Complete and pruned trials: the ones that count towards <see cref="TargetTrials"/>.</summary>
    public int Finished => Complete + Pruned;
}
