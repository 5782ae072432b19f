using System;
using System.Collections.Generic;

namespace HyperTune;

/// <summary>
/// One trial of a study, as it stood when read: its config, state, value, intermediate values,
/// times, seed and error. A snapshot: read <see cref="Study{TConfig}.Trials"/> again for news. No
/// trained model is kept per trial (memory stays flat over thousands of trials).
/// </summary>
/// <typeparam name="TConfig">The config type.</typeparam>
public sealed class Trial<TConfig>
{
    internal Trial(
        int number, TConfig config, IReadOnlyDictionary<string, object?> parameters, TrialState state, double? value,
        IReadOnlyDictionary<int, double> intermediateValues, DateTimeOffset startedAt, DateTimeOffset? completedAt,
        int seed, string? errorMessage)
    {
        Number = number;
        Config = config;
        Parameters = parameters;
        State = state;
        Value = value;
        IntermediateValues = intermediateValues;
        StartedAt = startedAt;
        CompletedAt = completedAt;
        Seed = seed;
        ErrorMessage = errorMessage;
    }

    /// <summary>The trial's number in its study: 0-based and dense.</summary>
    public int Number { get; }

    /// <summary>The config the trial evaluated.</summary>
    public TConfig Config { get; }

    /// <summary>The tuned values of <see cref="Config"/> by dimension name (inactive conditional dimensions left out).</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; }

    /// <summary>Running, complete, pruned or failed.</summary>
    public TrialState State { get; }

    /// <summary>The objective's value; for a pruned trial the last value it reported; <see langword="null"/> while running or when failed.</summary>
    public double? Value { get; }

    /// <summary>Step → reported value, in step order. For the built-in objective one entry per epoch trained (step = epoch + 1), so its count is the epochs the trial cost.</summary>
    public IReadOnlyDictionary<int, double> IntermediateValues { get; }

    /// <summary>When the trial was asked for.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When it finished; <see langword="null"/> while running.</summary>
    public DateTimeOffset? CompletedAt { get; }

    /// <summary>How long it ran; <see langword="null"/> while running.</summary>
    public TimeSpan? Duration => CompletedAt - StartedAt;

    /// <summary>The trial's seed, derived from the study's seed and <see cref="Number"/>.</summary>
    public int Seed { get; }

    /// <summary>Why a failed trial failed; <see langword="null"/> otherwise.</summary>
    public string? ErrorMessage { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Trial {Number}: {State}{(Value is double v ? " " + v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}";
}
