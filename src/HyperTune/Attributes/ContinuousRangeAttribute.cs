using System;

namespace HyperTune;

/// <summary>
/// Base of the attributes that declare a continuous range of real values. The bounds may be given
/// in either order; <see cref="Min"/> and <see cref="Max"/> are the sorted bounds. A single value
/// (or two equal bounds) is a fixed setting: generated code and <c>Train</c> use it, and it is not a
/// dimension of the search space.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public abstract class ContinuousRangeAttribute : Attribute
{
    /// <summary>Declares the range between <paramref name="a"/> and <paramref name="b"/> (either order).</summary>
    /// <param name="a">One bound.</param>
    /// <param name="b">The other bound.</param>
    /// <param name="scale">How the range is explored.</param>
    protected ContinuousRangeAttribute(double a, double b, Scale scale)
    {
        Min = Math.Min(a, b);
        Max = Math.Max(a, b);
        Scale = scale;
    }

    /// <summary>Declares a fixed value: a setting, not a dimension.</summary>
    /// <param name="value">The value.</param>
    protected ContinuousRangeAttribute(double value)
        : this(value, value, Scale.Linear)
    {
    }

    /// <summary>Whether this is a fixed value (equal bounds) rather than a range.</summary>
    public bool IsFixed => Min == Max;

    /// <summary>The smaller bound.</summary>
    public double Min { get; }

    /// <summary>The larger bound.</summary>
    public double Max { get; }

    /// <summary>How the range is explored.</summary>
    public Scale Scale { get; }
}
