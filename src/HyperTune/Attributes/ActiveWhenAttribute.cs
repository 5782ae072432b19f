using System;

namespace HyperTune;

/// <summary>
/// Makes a dimension conditional: it exists only when the named categorical dimension takes one
/// of the given values. Sampling, grid, encoding and counts respect it: an inactive dimension keeps
/// its template value and adds no grid points.
/// </summary>
/// <example>
/// <c>[Momentum(0.5, 0.99)] [ActiveWhen(nameof(Optimizer), OptimizerKind.Momentum, OptimizerKind.Nesterov)]</c>
/// </example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ActiveWhenAttribute : Attribute
{
    /// <summary>Declares the condition.</summary>
    /// <param name="dimension">The name of a categorical dimension of the same config (use <c>nameof</c>).</param>
    /// <param name="values">The values of that dimension under which this one is active.</param>
    public ActiveWhenAttribute(string dimension, params object?[] values)
    {
        Dimension = dimension;
        Values = values;
    }

    /// <summary>The name of the categorical dimension this one depends on.</summary>
    public string Dimension { get; }

    /// <summary>The values of that dimension under which this one is active.</summary>
    public object?[] Values { get; }
}
