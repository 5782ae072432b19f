using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace HyperTune;

/// <summary>
/// The condition a conditional dimension is active under: another, categorical, dimension takes one
/// of the given values (declared with <see cref="ActiveWhenAttribute"/>).
/// </summary>
public sealed class DimensionCondition
{
    /// <summary>Creates a condition.</summary>
    /// <param name="dimension">The name of the categorical dimension this one depends on.</param>
    /// <param name="values">The values of that dimension under which this one is active.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dimension"/> or <paramref name="values"/> is <see langword="null"/>.</exception>
    public DimensionCondition(string dimension, IReadOnlyList<object?> values)
    {
        Dimension = dimension ?? throw new ArgumentNullException(nameof(dimension));
        Values = values ?? throw new ArgumentNullException(nameof(values));
    }

    /// <summary>The name of the categorical dimension this one depends on.</summary>
    public string Dimension { get; }

    /// <summary>The values of that dimension under which this one is active.</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <summary>Describes the condition, e.g. <c>Optimizer in {Momentum, Nesterov}</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Dimension} in {{{string.Join(", ", Values.Select(DimensionValue.Format))}}}");
}
