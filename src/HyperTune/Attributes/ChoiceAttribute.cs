using System;

namespace HyperTune;

/// <summary>
/// A general categorical dimension: the property takes one of the given constants (numbers,
/// strings, enum members or booleans), which must be of the property's type.
/// </summary>
/// <example><c>[Choice("relu", "tanh")] public string Activation { get; set; } = "relu";</c></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ChoiceAttribute : Attribute
{
    /// <summary>Declares the candidates.</summary>
    /// <param name="candidates">The values to try; <see langword="null"/> is a candidate of a nullable property.</param>
    /// <remarks>A single candidate is a fixed setting, not a dimension.</remarks>
    public ChoiceAttribute(params object?[] candidates) => Candidates = candidates;

    /// <summary>The candidates.</summary>
    public object?[] Candidates { get; }
}
