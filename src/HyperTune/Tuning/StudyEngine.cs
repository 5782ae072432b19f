using System;
using System.Collections.Generic;
using System.Linq;

namespace HyperTune.Tuning;

/// <summary>
/// A study's behaviour without its config type: asking for trials (retrying interrupted points first,
/// then the sampler, inside the storage's transaction), reporting intermediate values to the pruner,
/// and finishing trials. <see cref="Study{TConfig}"/> adds decoding to configs; the runner adds the
/// objective, parallelism and heartbeats.
/// </summary>
internal sealed class StudyEngine
{
    private readonly IStudyStorage _storage;
    private readonly ISampler _sampler;
    private readonly IPruner? _pruner;
    private readonly Func<double[], double[]> _snap;
    private readonly int _seed;
    private readonly int _startupTrials;

    /// <summary>Creates the engine of an opened study.</summary>
    /// <param name="storage">Where the study lives.</param>
    /// <param name="study">The opened study.</param>
    /// <param name="space">The study's space.</param>
    /// <param name="sampler">Chooses new points.</param>
    /// <param name="pruner">Stops unpromising trials; <see langword="null"/> for none.</param>
    /// <param name="snap">Turns a proposed point into the point of the config it decodes to (integers rounded, candidates centred).</param>
    /// <param name="options">The study's options.</param>
    /// <param name="worker">This worker's identity in the storage.</param>
    public StudyEngine(IStudyStorage storage, StoredStudy study, UnitSpace space, ISampler sampler, IPruner? pruner, Func<double[], double[]> snap, TuneOptions options, string worker)
    {
        _storage = storage;
        Study = study;
        Space = space;
        _sampler = sampler;
        _pruner = pruner;
        _snap = snap;
        Options = options;
        Worker = worker;
        _seed = options.Seed;
        _startupTrials = options.StartupTrials ?? 10;
    }

    /// <summary>The study as stored.</summary>
    public StoredStudy Study { get; }

    /// <summary>The study's space.</summary>
    public UnitSpace Space { get; }

    /// <summary>The options the study runs with.</summary>
    public TuneOptions Options { get; }

    /// <summary>This worker's identity.</summary>
    public string Worker { get; }

    /// <summary>The storage.</summary>
    public IStudyStorage Storage => _storage;

    /// <summary>The study's trials in number order.</summary>
    public IReadOnlyList<TrialRecord> Trials => _storage.GetTrials(Study.Id);

    /// <summary>
    /// Creates the next trial: an interrupted trial's point if one waits to be retried, else the
    /// sampler's. With <paramref name="target"/>, declines (returns <see langword="null"/>) once finished
    /// and running trials reach it; also <see langword="null"/> when the sampler has nothing left (a grid).
    /// </summary>
    /// <param name="target">The number of finished trials the study aims for, or <see langword="null"/> for no limit.</param>
    /// <returns>The new running trial, or <see langword="null"/>.</returns>
    public TrialRecord? Ask(int? target) => _storage.CreateTrial(Study.Id, Worker, (trials, number) => Propose(trials, number, target));

    /// <summary>Records an intermediate value and asks the pruner about it.</summary>
    /// <param name="number">The trial.</param>
    /// <param name="step">The step, from 1.</param>
    /// <param name="value">The value.</param>
    /// <returns>Whether the trial should stop.</returns>
    public bool Report(int number, int step, double value)
    {
        _storage.ReportIntermediate(Study.Id, number, step, value);
        if (_pruner is null)
        {
            return false;
        }

        var trials = _storage.GetTrials(Study.Id);
        var trial = trials[number];
        return trial.State == TrialState.Running
            && _pruner.ShouldPrune(new PrunerContext(trial, step, trials, Study.Direction, Options.MaxResource ?? LargestStep(trials)));
    }

    /// <summary>Finishes a trial.</summary>
    /// <returns>Whether the trial was still running (a trial another worker already failed as stale stays failed).</returns>
    public bool Finish(int number, TrialState state, double? value, string? error, bool interrupted = false) =>
        _storage.FinishTrial(Study.Id, number, state, value, error, interrupted);

    /// <summary>The best complete trial (lowest score, then lowest number), or <see langword="null"/>.</summary>
    /// <param name="trials">The trials.</param>
    /// <returns>The best.</returns>
    public TrialRecord? Best(IReadOnlyList<TrialRecord> trials)
    {
        TrialRecord? best = null;
        foreach (var trial in trials)
        {
            if (trial.State == TrialState.Complete && trial.Value is double value
                && (best is null || Score(value) < Score(best.Value!.Value)))
            {
                best = trial;
            }
        }

        return best;
    }

    /// <summary>A value turned so that lower is better.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The score.</returns>
    public double Score(double value) => Study.Direction == Direction.Minimize ? value : -value;

    private TrialProposal? Propose(IReadOnlyList<TrialRecord> trials, int number, int? target)
    {
        if (target is int goal && trials.Count(t => t.IsFinished || t.State == TrialState.Running) >= goal)
        {
            return null;
        }

        int seed = TrialSeeds.ForTrial(_seed, number);
        if (RetryCandidate(trials) is { } retry)
        {
            return new TrialProposal(retry.Unit, retry.Parameters, seed, retry.GridIndex, retry.Bracket, retry.Number);
        }

        int? bracket = _pruner?.AssignBracket(Study.Name, number, _seed);
        IReadOnlyList<TrialRecord> history = bracket is null ? trials : trials.Where(t => t.Bracket == bracket).ToArray();
        var context = new SamplerContext(Space, history, Study.Direction, number, TrialSeeds.SamplerRandom(_seed, number), _startupTrials);
        var proposal = _sampler.Propose(context);
        if (proposal is null)
        {
            return null;
        }

        if (proposal.Unit.Length != Space.Count)
        {
            throw new InvalidOperationException($"The sampler proposed {proposal.Unit.Length} coordinates for a space of {Space.Count}.");
        }

        double[] unit = _snap(proposal.Unit);
        Space.MarkInactive(unit);
        return new TrialProposal(unit, ParameterText.FromUnit(Space, unit), seed, proposal.GridIndex, bracket, null);
    }

    /// <summary>The oldest interrupted trial whose point no later trial has taken up yet.</summary>
    private static TrialRecord? RetryCandidate(IReadOnlyList<TrialRecord> trials)
    {
        HashSet<int>? retried = null;
        foreach (var trial in trials)
        {
            if (trial.RetryOf is int original)
            {
                (retried ??= new HashSet<int>()).Add(original);
            }
        }

        foreach (var trial in trials)
        {
            if (trial.State == TrialState.Failed && trial.Interrupted && (retried is null || !retried.Contains(trial.Number)))
            {
                return trial;
            }
        }

        return null;
    }

    private static int? LargestStep(IReadOnlyList<TrialRecord> trials)
    {
        int? largest = null;
        foreach (var trial in trials)
        {
            if (trial.IsFinished && trial.IntermediateValues.Count > 0)
            {
                int last = trial.IntermediateValues.Keys.Max();
                largest = largest is int l ? Math.Max(l, last) : last;
            }
        }

        return largest;
    }
}
