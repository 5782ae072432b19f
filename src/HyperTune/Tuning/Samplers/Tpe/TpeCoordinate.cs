using System;

namespace HyperTune.Tuning;

/// <summary>
/// One coordinate as the Parzen estimators model it. Continuous coordinates are the unit encoding
/// itself (log ranges are already in the logarithm there). Integer coordinates are ranges of cells:
/// the unit encoding gives each integer an equal share of [0, 1] (on a log range, the share between
/// log(v − ½) and log(v + ½)), so a kernel's probability of an integer is its mass over the cell, as
/// Optuna's step-aware truncation does for linear integers and, here, for log integers too.
/// Categorical coordinates are modelled as the index of the candidate.
/// </summary>
internal readonly struct TpeCoordinate
{
    private readonly long _min;
    private readonly long _max;
    private readonly double _logLow;
    private readonly double _logSpan;

    public TpeCoordinate(UnitSpace space, int index)
    {
        Index = index;
        var dimension = space[index];
        Kind = dimension.Kind;
        Categories = dimension.Categories;
        var source = space.Dimensions[index];
        IsLog = source.Scale == Scale.Log;
        if (Kind == DimensionKind.Integer)
        {
            _min = (long)source.Min;
            _max = (long)source.Max;
            if (IsLog)
            {
                _logLow = Math.Log(_min - 0.5);
                _logSpan = Math.Log(_max + 0.5) - _logLow;
            }
        }
    }

    /// <summary>The coordinate's index in the space.</summary>
    public int Index { get; }

    /// <summary>Continuous, integer or categorical.</summary>
    public DimensionKind Kind { get; }

    /// <summary>The number of candidates of a categorical coordinate.</summary>
    public int Categories { get; }

    /// <summary>Whether the range is explored on a log scale.</summary>
    public bool IsLog { get; }

    /// <summary>The model value of a stored unit coordinate: itself, its integer's unit coordinate, or its candidate index.</summary>
    /// <param name="unit">The stored coordinate.</param>
    /// <returns>The value the estimators model.</returns>
    public double FromUnit(double unit) => Kind switch
    {
        DimensionKind.Categorical => Generated.Categorical.Decode(unit, Categories),
        DimensionKind.Integer => Snap(unit),
        _ => Math.Clamp(unit, 0, 1),
    };

    /// <summary>The unit coordinate of a model value.</summary>
    /// <param name="value">The model value.</param>
    /// <returns>The unit coordinate.</returns>
    public double ToUnit(double value) => Kind == DimensionKind.Categorical
        ? Generated.Categorical.Encode((int)value, Categories)
        : value;

    /// <summary>The unit coordinate of the integer a point of an integer coordinate decodes to.</summary>
    /// <param name="unit">A point in [0, 1].</param>
    /// <returns>The integer's own coordinate.</returns>
    public double Snap(double unit)
    {
        long value = Generated.IntegerRange.Decode(unit, _min, _max, IsLog ? Scale.Log : Scale.Linear);
        return Generated.IntegerRange.Encode(value, _min, _max, IsLog ? Scale.Log : Scale.Linear);
    }

    /// <summary>The cell of [0, 1] that decodes to the same integer as a point.</summary>
    /// <param name="unit">A point of an integer coordinate.</param>
    /// <param name="low">The cell's lower end.</param>
    /// <param name="high">The cell's upper end.</param>
    public void Cell(double unit, out double low, out double high)
    {
        long value = Generated.IntegerRange.Decode(unit, _min, _max, IsLog ? Scale.Log : Scale.Linear);
        if (IsLog)
        {
            low = value == _min ? 0 : Math.Clamp((Math.Log(value - 0.5) - _logLow) / _logSpan, 0, 1);
            high = value == _max ? 1 : Math.Clamp((Math.Log(value + 0.5) - _logLow) / _logSpan, 0, 1);
        }
        else
        {
            double levels = (double)(_max - _min) + 1;
            low = (value - _min) / levels;
            high = (value - _min + 1) / levels;
        }
    }
}
