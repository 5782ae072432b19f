using System;

namespace HyperTune;

/// <summary>
/// Base of the attributes that take either an integer range (two integers, optionally a scale) or
/// integer candidates (one, three or more integers, or an explicit array).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public abstract class IntegerDimensionAttribute : Attribute
{
    /// <summary>Declares the inclusive range between <paramref name="a"/> and <paramref name="b"/> (either order).</summary>
    /// <param name="a">One bound.</param>
    /// <param name="b">The other bound.</param>
    /// <param name="scale">How the range is explored.</param>
    protected IntegerDimensionAttribute(int a, int b, Scale scale)
    {
        Min = Math.Min(a, b);
        Max = Math.Max(a, b);
        Scale = scale;
        Candidates = null;
    }

    /// <summary>Declares candidates.</summary>
    /// <param name="candidates">The values to try.</param>
    protected IntegerDimensionAttribute(int[] candidates)
    {
        Candidates = candidates;
    }

    /// <summary>The smaller bound of a range; 0 when candidates are given.</summary>
    public int Min { get; }

    /// <summary>The larger bound of a range; 0 when candidates are given.</summary>
    public int Max { get; }

    /// <summary>How a range is explored.</summary>
    public Scale Scale { get; }

    /// <summary>The candidates, or <see langword="null"/> for a range.</summary>
    public int[]? Candidates { get; }
}
