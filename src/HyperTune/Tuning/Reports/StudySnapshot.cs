using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HyperTune.Tuning;

namespace HyperTune;

/// <summary>
/// A study as its storage holds it, read at one moment, without its config type: what tools, reports,
/// exports and <see cref="ParameterImportance"/> work from. Get one from <see cref="StudyStore.Load"/>
/// or <see cref="Study{TConfig}.Snapshot"/>. Immutable.
/// </summary>
public sealed class StudySnapshot
{
    internal StudySnapshot(string name, Direction direction, string fingerprint, IReadOnlyList<DimensionSnapshot> dimensions, IReadOnlyList<TrialSnapshot> trials)
    {
        Name = name;
        Direction = direction;
        Fingerprint = fingerprint;
        Dimensions = dimensions;
        Trials = trials;
        TrialSnapshot? best = null;
        foreach (var trial in trials)
        {
            if (trial.State == TrialState.Complete && trial.Value is double value
                && (best is null || (direction == Direction.Minimize ? value < best.Value!.Value : value > best.Value!.Value)))
            {
                best = trial;
            }
        }

        Best = best;
    }

    /// <summary>The study's name in its storage.</summary>
    public string Name { get; }

    /// <summary>Whether lower or higher values are better.</summary>
    public Direction Direction { get; }

    /// <summary>The fingerprint of the study's search space, as the generator computed it.</summary>
    public string Fingerprint { get; }

    /// <summary>The dimensions of the study's space as stored, in encoding order.</summary>
    public IReadOnlyList<DimensionSnapshot> Dimensions { get; }

    /// <summary>Every trial in number order: complete, pruned, failed and running.</summary>
    public IReadOnlyList<TrialSnapshot> Trials { get; }

    /// <summary>The complete trial with the best value (the lowest number among equals), or <see langword="null"/> when none is complete.</summary>
    public TrialSnapshot? Best { get; }

    /// <summary>How many trials are in <paramref name="state"/>.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The count.</returns>
    public int Count(TrialState state) => Trials.Count(t => t.State == state);

    /// <summary>
    /// The complete trials from best to worst (equal values by number): a leaderboard.
    /// </summary>
    /// <returns>The ranked trials.</returns>
    public IReadOnlyList<TrialSnapshot> Ranked()
    {
        var complete = Trials.Where(t => t.State == TrialState.Complete && t.Value.HasValue).ToList();
        complete.Sort((a, b) =>
        {
            int byValue = Direction == Direction.Minimize ? a.Value!.Value.CompareTo(b.Value!.Value) : b.Value!.Value.CompareTo(a.Value!.Value);
            return byValue != 0 ? byValue : a.Number.CompareTo(b.Number);
        });
        return complete;
    }

    internal static StudySnapshot From(StoredStudy study, IReadOnlyList<TrialRecord> records)
    {
        var dimensions = study.Space.Dimensions.Select(d => new DimensionSnapshot(d)).ToArray();
        var byName = dimensions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var trials = records.Select(r => new TrialSnapshot(r, byName)).ToArray();
        return new StudySnapshot(study.Name, study.Direction, study.Space.Fingerprint, dimensions, trials);
    }
}

/// <summary>One dimension of a stored study's space.</summary>
public sealed class DimensionSnapshot
{
    internal DimensionSnapshot(StoredDimension stored)
    {
        Name = stored.Name;
        TypeName = stored.TypeName;
        Kind = stored.Kind;
        Min = stored.Min;
        Max = stored.Max;
        Scale = stored.Scale;
        Candidates = stored.Candidates;
        ConditionParent = stored.ConditionParent;
        ConditionValues = stored.ConditionValues;
    }

    /// <summary>The config property's name.</summary>
    public string Name { get; }

    /// <summary>The property's type, by full name.</summary>
    public string TypeName { get; }

    /// <summary>Continuous, integer or categorical.</summary>
    public DimensionKind Kind { get; }

    /// <summary>The lower bound of a range; NaN for a categorical dimension.</summary>
    public double Min { get; }

    /// <summary>The upper bound of a range; NaN for a categorical dimension.</summary>
    public double Max { get; }

    /// <summary>The scale of a range (linear for a categorical dimension).</summary>
    public Scale Scale { get; }

    /// <summary>The candidates of a categorical dimension as invariant text; empty for a range.</summary>
    public IReadOnlyList<string> Candidates { get; }

    /// <summary>The dimension this one is active under, or <see langword="null"/> when it is always active.</summary>
    public string? ConditionParent { get; }

    /// <summary>The parent's values (as text) under which this dimension is active; empty when unconditional.</summary>
    public IReadOnlyList<string> ConditionValues { get; }

    /// <summary>A short description: <c>[1E-05, 0.1] log</c>, <c>[32, 256]</c> or <c>{Sgd, Adam}</c>, with its condition.</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        string domain = Kind == DimensionKind.Categorical
            ? "{" + string.Join(", ", Candidates) + "}"
            : string.Create(CultureInfo.InvariantCulture, $"[{Min:G6}, {Max:G6}]") + (Scale == Scale.Log ? " log" : string.Empty);
        return ConditionParent is null ? domain : $"{domain} when {ConditionParent} in {{{string.Join(", ", ConditionValues)}}}";
    }

    /// <summary>
    /// The typed value of a stored text: a <see cref="double"/> for a continuous dimension, a <see cref="long"/> for an
    /// integer one, the text itself for a categorical one (or when the text does not parse).
    /// </summary>
    /// <param name="text">The stored text.</param>
    /// <returns>The value.</returns>
    public object Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Kind switch
        {
            DimensionKind.Continuous when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) => real,
            DimensionKind.Integer when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long integer) => integer,
            _ => text,
        };
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Describe()}";
}

/// <summary>One trial of a stored study, its parameters as text and typed.</summary>
public sealed class TrialSnapshot
{
    internal TrialSnapshot(TrialRecord record, IReadOnlyDictionary<string, DimensionSnapshot> dimensions)
    {
        Number = record.Number;
        State = record.State;
        Value = record.Value;
        Parameters = record.Parameters;
        var values = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, text) in record.Parameters)
        {
            values[name] = dimensions.TryGetValue(name, out var dimension) ? dimension.Parse(text) : text;
        }

        Values = values;
        IntermediateValues = record.IntermediateValues;
        StartedAt = record.StartedAt;
        CompletedAt = record.CompletedAt;
        Seed = record.Seed;
        ErrorMessage = record.ErrorMessage;
        Interrupted = record.Interrupted;
        RetryOf = record.RetryOf;
        Worker = record.Worker;
    }

    /// <summary>The trial's number, from 0.</summary>
    public int Number { get; }

    /// <summary>Running, complete, pruned or failed.</summary>
    public TrialState State { get; }

    /// <summary>The objective's value (a pruned trial's last reported value); <see langword="null"/> while running or when failed.</summary>
    public double? Value { get; }

    /// <summary>The active parameters by name as invariant text (inactive conditional parameters are absent).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The active parameters typed as <see cref="DimensionSnapshot.Parse"/> reads them.</summary>
    public IReadOnlyDictionary<string, object> Values { get; }

    /// <summary>The reported intermediate values, step → value, in step order.</summary>
    public IReadOnlyDictionary<int, double> IntermediateValues { get; }

    /// <summary>When the trial started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When it finished; <see langword="null"/> while running.</summary>
    public DateTimeOffset? CompletedAt { get; }

    /// <summary>How long it ran; <see langword="null"/> while running.</summary>
    public TimeSpan? Duration => CompletedAt - StartedAt;

    /// <summary>The trial's seed.</summary>
    public int Seed { get; }

    /// <summary>Why a failed trial failed.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Whether a failed trial was interrupted (cancelled, its worker gone) rather than failed by its objective.</summary>
    public bool Interrupted { get; }

    /// <summary>The interrupted trial whose point this one retries, if any.</summary>
    public int? RetryOf { get; }

    /// <summary>The worker that ran it.</summary>
    public string? Worker { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Trial {Number} ({State}){(Value is double v ? " = " + v.ToString("G6", CultureInfo.InvariantCulture) : string.Empty)}: "
        + string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"));
}
