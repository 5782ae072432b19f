using System;
using System.Collections.Generic;

namespace HyperTune.Tuning;

/// <summary>
/// Where studies and their trials live. Made for a shared server database as much as for one
/// process: nothing here assumes the caller is the only worker. Every state change is one
/// transaction; trial numbers are handed out atomically together with the proposal that needs them.
/// </summary>
internal interface IStudyStorage : IDisposable
{
    /// <summary>
    /// Opens a study by name, creating it when it does not exist (or when <paramref name="startFresh"/>,
    /// after deleting it). Does not check the space: the caller compares <see cref="StoredStudy.Space"/>.
    /// </summary>
    /// <param name="name">The study's name.</param>
    /// <param name="direction">The direction of a new study.</param>
    /// <param name="space">The space of a new study.</param>
    /// <param name="startFresh">Delete a study of that name first.</param>
    /// <returns>The study as stored (an existing study keeps its stored direction and space).</returns>
    StoredStudy OpenStudy(string name, Direction direction, StoredSpace space, bool startFresh);

    /// <summary>Replaces a study's stored space and its trials' points after a safe change of the space (one transaction).</summary>
    /// <param name="studyId">The study.</param>
    /// <param name="space">The new space.</param>
    /// <param name="units">Each stored trial's point in the new space, by trial number.</param>
    void MigrateSpace(long studyId, StoredSpace space, IReadOnlyDictionary<int, double[]> units);

    /// <summary>
    /// In one transaction: reads the study's trials, asks <paramref name="propose"/> for the next trial
    /// given them and the next number, and stores that trial as running. No two callers, in any process,
    /// get the same number or see each other half-done.
    /// </summary>
    /// <param name="studyId">The study.</param>
    /// <param name="worker">The worker that will run the trial.</param>
    /// <param name="propose">Decides the trial, or returns <see langword="null"/> when the study needs no more trials.</param>
    /// <returns>The new running trial, or <see langword="null"/> when <paramref name="propose"/> declined.</returns>
    TrialRecord? CreateTrial(long studyId, string worker, Func<IReadOnlyList<TrialRecord>, int, TrialProposal?> propose);

    /// <summary>Records a running trial's intermediate value (a later report of the same step replaces it).</summary>
    void ReportIntermediate(long studyId, int number, int step, double value);

    /// <summary>
    /// Finishes a running trial. A trial that is no longer running (another worker already marked it
    /// failed as stale) is left as it is, and the call returns <see langword="false"/>: nothing counts twice.
    /// </summary>
    /// <returns>Whether the trial was running and is now finished.</returns>
    bool FinishTrial(long studyId, int number, TrialState state, double? value, string? errorMessage, bool interrupted);

    /// <summary>The study's trials in number order.</summary>
    IReadOnlyList<TrialRecord> GetTrials(long studyId);

    /// <summary>Tells the storage the worker is alive (its running trials are not stale).</summary>
    void Heartbeat(long studyId, string worker);

    /// <summary>
    /// Marks failed (interrupted, so their points are retried) the running trials whose worker has not
    /// sent a heartbeat for <paramref name="timeout"/>, or whose worker <paramref name="isDead"/> says is gone.
    /// </summary>
    /// <returns>The numbers of the trials marked failed.</returns>
    IReadOnlyList<int> FailStaleTrials(long studyId, TimeSpan timeout, Func<string, bool> isDead);

    /// <summary>Every study in the storage, for tools that list them.</summary>
    IReadOnlyList<StoredStudy> ListStudies();
}
