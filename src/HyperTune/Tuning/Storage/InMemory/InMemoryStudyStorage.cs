using System;
using System.Collections.Generic;
using System.Linq;

namespace HyperTune.Tuning;

/// <summary>
/// Studies held in this process only, gone with it: the storage of a study whose
/// <see cref="TuneOptions.Storage"/> is <see langword="null"/>. One lock serialises every change, which
/// is what makes <see cref="CreateTrial"/> atomic here.
/// </summary>
internal sealed class InMemoryStudyStorage : IStudyStorage
{
    private readonly object _gate = new();
    private readonly List<StudyState> _studies = new();

    /// <inheritdoc/>
    public StoredStudy OpenStudy(string name, Direction direction, StoredSpace space, bool startFresh)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(space);
        lock (_gate)
        {
            var existing = _studies.FirstOrDefault(s => s.Study.Name == name);
            if (existing is not null && startFresh)
            {
                _studies.Remove(existing);
                existing = null;
            }

            if (existing is null)
            {
                long id = _studies.Count == 0 ? 1 : _studies.Max(s => s.Study.Id) + 1;
                existing = new StudyState(new StoredStudy(id, name, direction, space));
                _studies.Add(existing);
            }

            return existing.Study;
        }
    }

    /// <inheritdoc/>
    public void MigrateSpace(long studyId, StoredSpace space, IReadOnlyDictionary<int, double[]> units)
    {
        lock (_gate)
        {
            var study = Find(studyId);
            study.Study = study.Study with { Space = space };
            for (int i = 0; i < study.Trials.Count; i++)
            {
                if (units.TryGetValue(study.Trials[i].Number, out double[]? unit))
                {
                    study.Trials[i] = study.Trials[i] with { Unit = unit };
                }
            }
        }
    }

    /// <inheritdoc/>
    public TrialRecord? CreateTrial(long studyId, string worker, Func<IReadOnlyList<TrialRecord>, int, TrialProposal?> propose)
    {
        ArgumentNullException.ThrowIfNull(propose);
        lock (_gate)
        {
            var study = Find(studyId);
            int number = study.Trials.Count;
            var proposal = propose(study.Trials.ToArray(), number);
            if (proposal is null)
            {
                return null;
            }

            var trial = new TrialRecord(
                number, TrialState.Running, proposal.Unit, proposal.Parameters, null, new SortedDictionary<int, double>(),
                DateTimeOffset.UtcNow, null, proposal.Seed, null, proposal.GridIndex, proposal.Bracket, proposal.RetryOf, false, worker);
            study.Trials.Add(trial);
            study.Heartbeats[worker] = DateTimeOffset.UtcNow;
            return trial;
        }
    }

    /// <inheritdoc/>
    public void ReportIntermediate(long studyId, int number, int step, double value)
    {
        lock (_gate)
        {
            var study = Find(studyId);
            var trial = Trial(study, number);
            if (trial.State != TrialState.Running)
            {
                return;
            }

            var values = new SortedDictionary<int, double>(trial.IntermediateValues.ToDictionary(p => p.Key, p => p.Value)) { [step] = value };
            study.Trials[number] = trial with { IntermediateValues = values };
        }
    }

    /// <inheritdoc/>
    public bool FinishTrial(long studyId, int number, TrialState state, double? value, string? errorMessage, bool interrupted)
    {
        if (state == TrialState.Running)
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A trial finishes complete, pruned or failed.");
        }

        lock (_gate)
        {
            var study = Find(studyId);
            var trial = Trial(study, number);
            if (trial.State != TrialState.Running)
            {
                return false;
            }

            study.Trials[number] = trial with
            {
                State = state,
                Value = value,
                ErrorMessage = errorMessage,
                Interrupted = interrupted,
                CompletedAt = DateTimeOffset.UtcNow,
            };
            return true;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<TrialRecord> GetTrials(long studyId)
    {
        lock (_gate)
        {
            return Find(studyId).Trials.ToArray();
        }
    }

    /// <inheritdoc/>
    public void Heartbeat(long studyId, string worker)
    {
        lock (_gate)
        {
            Find(studyId).Heartbeats[worker] = DateTimeOffset.UtcNow;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<int> FailStaleTrials(long studyId, TimeSpan timeout, Func<string, bool> isDead)
    {
        ArgumentNullException.ThrowIfNull(isDead);
        lock (_gate)
        {
            var study = Find(studyId);
            var now = DateTimeOffset.UtcNow;
            var failed = new List<int>();
            for (int i = 0; i < study.Trials.Count; i++)
            {
                var trial = study.Trials[i];
                if (trial.State != TrialState.Running)
                {
                    continue;
                }

                string worker = trial.Worker ?? string.Empty;
                bool stale = !study.Heartbeats.TryGetValue(worker, out var beat) || now - beat > timeout;
                if (stale || isDead(worker))
                {
                    study.Trials[i] = trial with
                    {
                        State = TrialState.Failed,
                        ErrorMessage = $"Interrupted: worker '{worker}' stopped sending heartbeats.",
                        Interrupted = true,
                        CompletedAt = now,
                    };
                    failed.Add(trial.Number);
                }
            }

            return failed;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredStudy> ListStudies()
    {
        lock (_gate)
        {
            return _studies.Select(s => s.Study).ToArray();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private StudyState Find(long studyId) =>
        _studies.FirstOrDefault(s => s.Study.Id == studyId) ?? throw new ArgumentException($"There is no study with id {studyId}.", nameof(studyId));

    private static TrialRecord Trial(StudyState study, int number) =>
        number >= 0 && number < study.Trials.Count ? study.Trials[number] : throw new ArgumentOutOfRangeException(nameof(number), number, "The study has no trial with that number.");

    private sealed class StudyState
    {
        public StudyState(StoredStudy study) => Study = study;

        public StoredStudy Study { get; set; }

        public List<TrialRecord> Trials { get; } = new();

        public Dictionary<string, DateTimeOffset> Heartbeats { get; } = new(StringComparer.Ordinal);
    }
}
