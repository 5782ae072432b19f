using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace HyperTune;

/// <summary>
/// One dimension of a generated search space, as plain data: what a report or a tuner needs to know
/// about it. A config's dimensions are listed by its generated <c>SearchSpace.Dimensions</c>, in the
/// order of its properties, which is also the order of the coordinates of its unit encoding.
/// </summary>
public sealed class Dimension
{
    private Dimension(
        string name, Type valueType, DimensionKind kind, double min, double max, Scale scale,
        IReadOnlyList<object?> candidates, DimensionCondition? condition)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        ValueType = valueType ?? throw new ArgumentNullException(nameof(valueType));
        Kind = kind;
        Min = min;
        Max = max;
        Scale = scale;
        Candidates = candidates;
        Condition = condition;
    }

    /// <summary>The name of the property the dimension tunes.</summary>
    public string Name { get; }

    /// <summary>The type of the property the dimension tunes.</summary>
    public Type ValueType { get; }

    /// <summary>Whether the dimension is continuous, integer or categorical.</summary>
    public DimensionKind Kind { get; }

    /// <summary>The smaller bound of a range; <see cref="double.NaN"/> for a categorical dimension.</summary>
    public double Min { get; }

    /// <summary>The larger bound of a range; <see cref="double.NaN"/> for a categorical dimension.</summary>
    public double Max { get; }

    /// <summary>How a range is explored; <see cref="Scale.Linear"/> for a categorical dimension.</summary>
    public Scale Scale { get; }

    /// <summary>The candidates of a categorical dimension, in declaration order; empty for a range.</summary>
    public IReadOnlyList<object?> Candidates { get; }

    /// <summary>The condition the dimension is active under, or <see langword="null"/> when it always is.</summary>
    public DimensionCondition? Condition { get; }

    /// <summary>Whether the dimension exists only under a <see cref="Condition"/>.</summary>
    public bool IsConditional => Condition is not null;

    /// <summary>Describes a continuous dimension.</summary>
    /// <param name="name">The name of the property.</param>
    /// <param name="valueType">The type of the property.</param>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="scale">How the range is explored.</param>
    /// <param name="condition">The condition it is active under, if any.</param>
    /// <returns>The dimension.</returns>
    /// <exception cref="ArgumentException">The bounds are not finite or not in order.</exception>
    public static Dimension Continuous(string name, Type valueType, double min, double max, Scale scale, DimensionCondition? condition = null)
    {
        CheckBounds(min, max, scale);
        return new Dimension(name, valueType, DimensionKind.Continuous, min, max, scale, Array.Empty<object?>(), condition);
    }

    /// <summary>Describes an integer dimension, both bounds included.</summary>
    /// <param name="name">The name of the property.</param>
    /// <param name="valueType">The type of the property.</param>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="scale">How the range is explored.</param>
    /// <param name="condition">The condition it is active under, if any.</param>
    /// <returns>The dimension.</returns>
    /// <exception cref="ArgumentException">The bounds are not in order.</exception>
    public static Dimension Integer(string name, Type valueType, long min, long max, Scale scale, DimensionCondition? condition = null)
    {
        CheckBounds(min, max, scale);
        return new Dimension(name, valueType, DimensionKind.Integer, min, max, scale, Array.Empty<object?>(), condition);
    }

    /// <summary>Describes a categorical dimension.</summary>
    /// <param name="name">The name of the property.</param>
    /// <param name="valueType">The type of the property.</param>
    /// <param name="candidates">The candidates, in declaration order.</param>
    /// <param name="condition">The condition it is active under, if any.</param>
    /// <returns>The dimension.</returns>
    /// <exception cref="ArgumentException"><paramref name="candidates"/> is empty.</exception>
    public static Dimension Categorical(string name, Type valueType, IReadOnlyList<object?> candidates, DimensionCondition? condition = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            throw new ArgumentException($"The categorical dimension '{name}' needs at least one candidate.", nameof(candidates));
        }

        return new Dimension(name, valueType, DimensionKind.Categorical, double.NaN, double.NaN, Scale.Linear, candidates, condition);
    }

    /// <summary>Describes the dimension, e.g. <c>LearningRate: continuous [1E-05, 0.1] log</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        string space = Kind switch
        {
            DimensionKind.Categorical => "categorical {" + string.Join(", ", Candidates.Select(DimensionValue.Format)) + "}",
            DimensionKind.Integer => string.Create(CultureInfo.InvariantCulture, $"integer [{(long)Min}, {(long)Max}]"),
            _ => "continuous [" + DimensionValue.Format(Min) + ", " + DimensionValue.Format(Max) + "]",
        };
        string scale = Kind != DimensionKind.Categorical && Scale == Scale.Log ? " log" : string.Empty;
        string condition = Condition is null ? string.Empty : " when " + Condition;
        return $"{Name}: {space}{scale}{condition}";
    }

    private static void CheckBounds(double min, double max, Scale scale)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(min < max))
        {
            throw new ArgumentException($"The bounds [{DimensionValue.Format(min)}, {DimensionValue.Format(max)}] must be finite and in increasing order.", nameof(min));
        }

        if (scale == Scale.Log && min <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "A log-scale range needs positive bounds.");
        }
    }
}
