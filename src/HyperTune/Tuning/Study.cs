using System;
using System.Collections.Generic;
using System.Linq;
using HyperTune.Tuning;

namespace HyperTune;

/// <summary>
/// A tuning study: its trials, the best of them, and ask/tell for users who drive the loop themselves.
/// The trials live in the study's storage (in memory, or a SQLite file that outlives the process);
/// every read goes to the storage, so a study shared with other workers shows their trials too.
/// Thread-safe.
/// </summary>
/// <typeparam name="TConfig">The config type.</typeparam>
public sealed class Study<TConfig>
{
    private readonly ISearchSpace<TConfig> _space;
    private readonly object _cacheGate = new();
    private readonly Dictionary<int, (TrialRecord Record, Trial<TConfig> Trial)> _cache = new();

    internal Study(ISearchSpace<TConfig> space, StudyEngine engine)
    {
        _space = space;
        Engine = engine;
    }

    /// <summary>The study's name in its storage.</summary>
    public string Name => Engine.Study.Name;

    /// <summary>Whether lower or higher values are better (a reopened study keeps the direction it was created with).</summary>
    public Direction Direction => Engine.Study.Direction;

    /// <summary>Every trial of the study in number order: complete, pruned, failed and running, this worker's and others'.</summary>
    public IReadOnlyList<Trial<TConfig>> Trials => Engine.Trials.Select(ToTrial).ToArray();

    /// <summary>The complete trial with the best value (the lowest number among equals).</summary>
    /// <exception cref="InvalidOperationException">No trial of the study is complete yet.</exception>
    public Trial<TConfig> Best => TryGetBest(out var best)
        ? best
        : throw new InvalidOperationException($"No trial of study '{Name}' is complete yet, so there is no best trial.");

    /// <summary>The best complete trial, if there is one.</summary>
    /// <param name="best">The best trial, or <see langword="null"/>.</param>
    /// <returns>Whether a trial is complete.</returns>
    public bool TryGetBest([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Trial<TConfig>? best)
    {
        var record = Engine.Best(Engine.Trials);
        best = record is null ? null : ToTrial(record);
        return best is not null;
    }

    /// <summary>
    /// The study as stored now, without its config type: dimensions, trials with their parameters as text,
    /// the best trial; what <see cref="StudyExport"/> and <see cref="ParameterImportance"/> work from.
    /// </summary>
    /// <returns>The snapshot.</returns>
    public StudySnapshot Snapshot() => StudySnapshot.From(Engine.Study, Engine.Trials);

    internal StudyEngine Engine { get; }

    /// <summary>
    /// Starts a trial: the config the study's sampler proposes next (or an interrupted trial's point,
    /// retried). Evaluate it, then <see cref="Tell"/>, <see cref="Prune"/> or <see cref="Fail"/>.
    /// </summary>
    /// <returns>The running trial.</returns>
    /// <exception cref="InvalidOperationException">A grid study has run every point of its grid.</exception>
    public Trial<TConfig> Ask()
    {
        var record = Engine.Ask(target: null)
            ?? throw new InvalidOperationException($"Study '{Name}' has nothing left to propose: its grid is exhausted.");
        return ToTrial(record);
    }

    /// <summary>Finishes a running trial with its value.</summary>
    /// <param name="trial">The trial, from <see cref="Ask"/>.</param>
    /// <param name="value">The objective's value; NaN fails the trial.</param>
    /// <exception cref="InvalidOperationException">The trial is not running (already told, or failed as stale by another worker).</exception>
    public void Tell(Trial<TConfig> trial, double value)
    {
        ArgumentNullException.ThrowIfNull(trial);
        bool finished = double.IsFinite(value)
            ? Engine.Finish(trial.Number, TrialState.Complete, value, null)
            : Engine.Finish(trial.Number, TrialState.Failed, null, $"The objective returned {value}.");
        EnsureFinished(trial, finished);
    }

    /// <summary>Records an intermediate value of a running trial and asks the pruner about it.</summary>
    /// <param name="trial">The trial.</param>
    /// <param name="step">The budget used so far, from 1.</param>
    /// <param name="value">The value at that step.</param>
    /// <returns>Whether the pruner wants the trial stopped (then call <see cref="Prune"/>).</returns>
    public bool Report(Trial<TConfig> trial, int step, double value)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (step < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "Steps count the budget used, from 1.");
        }

        if (double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "An intermediate value cannot be NaN.");
        }

        return Engine.Report(trial.Number, step, value);
    }

    /// <summary>Finishes a running trial as pruned, with the last value it reported.</summary>
    /// <param name="trial">The trial.</param>
    public void Prune(Trial<TConfig> trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var record = Engine.Trials[trial.Number];
        double? last = record.IntermediateValues.Count == 0 ? null : record.IntermediateValues[record.IntermediateValues.Keys.Max()];
        EnsureFinished(trial, Engine.Finish(trial.Number, TrialState.Pruned, last, null));
    }

    /// <summary>Finishes a running trial as failed; the study goes on without it (it does not count towards the total).</summary>
    /// <param name="trial">The trial.</param>
    /// <param name="message">Why it failed.</param>
    public void Fail(Trial<TConfig> trial, string message)
    {
        ArgumentNullException.ThrowIfNull(trial);
        EnsureFinished(trial, Engine.Finish(trial.Number, TrialState.Failed, null, message ?? "Failed."));
    }

    internal Trial<TConfig> ToTrial(TrialRecord record)
    {
        lock (_cacheGate)
        {
            if (_cache.TryGetValue(record.Number, out var cached) && ReferenceEquals(cached.Record, record))
            {
                return cached.Trial;
            }

            var trial = new Trial<TConfig>(
                record.Number, Decode(record.Unit), Parameters(record.Unit), record.State, record.Value, record.IntermediateValues,
                record.StartedAt, record.CompletedAt, record.Seed, record.ErrorMessage);
            _cache[record.Number] = (record, trial);
            return trial;
        }
    }

    internal TConfig Decode(double[] unit)
    {
        var filled = new double[unit.Length];
        for (int i = 0; i < unit.Length; i++)
        {
            filled[i] = double.IsNaN(unit[i]) ? Generated.Categorical.InactiveCoordinate : unit[i];
        }

        return _space.Decode(filled);
    }

    private Dictionary<string, object?> Parameters(double[] unit)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (int i = 0; i < unit.Length; i++)
        {
            if (!double.IsNaN(unit[i]))
            {
                parameters[Engine.Space.Dimensions[i].Name] = ParameterText.DecodeValue(Engine.Space.Dimensions[i], unit[i]);
            }
        }

        return parameters;
    }

    private void EnsureFinished(Trial<TConfig> trial, bool finished)
    {
        if (!finished)
        {
            throw new InvalidOperationException($"Trial {trial.Number} of study '{Name}' is not running: it was finished already, or failed as stale by another worker.");
        }
    }
}
