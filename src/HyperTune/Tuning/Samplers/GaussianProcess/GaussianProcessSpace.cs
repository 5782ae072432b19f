using System;
using HyperTune.Generated;

namespace HyperTune.Tuning.GaussianProcess;

/// <summary>
/// The unit encoding as the Gaussian process sees it (its kernel inputs). A continuous coordinate is its
/// unit value (a log range is already in the logarithm there); an integer coordinate is the unit value
/// of its integer, so every point the model sees is one the config can hold; a categorical coordinate is
/// its candidate's index, compared by the kernel as equal or not (Hamming). An inactive coordinate (a
/// conditional dimension whose condition does not hold) is fixed to a constant — 0.5 for a range, the
/// pseudo-category −1 for a choice — so it adds nothing to the distance between two points where it is
/// inactive, and the parent's categorical coordinate already tells the branches apart. Candidates are
/// drawn in the active subspace only, and the local search moves active numeric coordinates only.
/// </summary>
internal sealed class GaussianProcessSpace
{
    /// <summary>The kernel input of an inactive range coordinate.</summary>
    public const double InactiveRange = 0.5;

    /// <summary>The kernel input of an inactive categorical coordinate: a category of its own.</summary>
    public const double InactiveCategory = -1;

    private readonly UnitSpace _space;
    private readonly Dimension[] _dimensions;

    /// <summary>Describes a unit space's coordinates for the process.</summary>
    /// <param name="space">The space.</param>
    public GaussianProcessSpace(UnitSpace space)
    {
        _space = space;
        Count = space.Count;
        IsCategorical = new bool[Count];
        _dimensions = new Dimension[Count];
        for (int d = 0; d < Count; d++)
        {
            IsCategorical[d] = space[d].IsCategorical;
            _dimensions[d] = space.Dimensions[d];
        }
    }

    /// <summary>The number of coordinates.</summary>
    public int Count { get; }

    /// <summary>Which coordinates the kernel compares by the Hamming distance.</summary>
    public bool[] IsCategorical { get; }

    /// <summary>Whether any coordinate is categorical (then the acquisition also tries each category).</summary>
    public bool HasCategorical => Array.IndexOf(IsCategorical, true) >= 0;

    /// <summary>The number of candidates of a categorical coordinate.</summary>
    /// <param name="d">The coordinate.</param>
    /// <returns>Its number of categories.</returns>
    public int Categories(int d) => _space[d].Categories;

    /// <summary>Whether a coordinate is an integer range.</summary>
    /// <param name="d">The coordinate.</param>
    /// <returns>Whether it is.</returns>
    public bool IsInteger(int d) => _space[d].Kind == DimensionKind.Integer;

    /// <summary>Encodes a point of the unit encoding (NaN where inactive) as kernel inputs.</summary>
    /// <param name="unit">The point.</param>
    /// <param name="x">Receives the kernel inputs.</param>
    public void Encode(ReadOnlySpan<double> unit, Span<double> x)
    {
        for (int d = 0; d < Count; d++)
        {
            double u = unit[d];
            var dimension = _space[d];
            if (double.IsNaN(u) || !_space.IsActive(d, unit))
            {
                x[d] = dimension.IsCategorical ? InactiveCategory : InactiveRange;
            }
            else if (dimension.IsCategorical)
            {
                x[d] = Categorical.Decode(u, dimension.Categories);
            }
            else
            {
                x[d] = dimension.Kind == DimensionKind.Integer ? SnapInteger(d, u) : Math.Clamp(u, 0, 1);
            }
        }
    }

    /// <summary>Decodes kernel inputs to a point of the unit encoding; inactive coordinates get 0.5 (any value does: the study marks them inactive).</summary>
    /// <param name="x">The kernel inputs.</param>
    /// <returns>The point, every coordinate in [0, 1].</returns>
    public double[] Decode(ReadOnlySpan<double> x)
    {
        var unit = new double[Count];
        for (int d = 0; d < Count; d++)
        {
            if (!IsActive(d, x))
            {
                unit[d] = 0.5;
            }
            else if (IsCategorical[d])
            {
                unit[d] = Categorical.Encode((int)x[d], Categories(d));
            }
            else
            {
                unit[d] = IsInteger(d) ? SnapInteger(d, x[d]) : Math.Clamp(x[d], 0, 1);
            }
        }

        return unit;
    }

    /// <summary>Whether a coordinate is active at a point given as kernel inputs.</summary>
    /// <param name="d">The coordinate.</param>
    /// <param name="x">The point.</param>
    /// <returns>Whether it is active.</returns>
    public bool IsActive(int d, ReadOnlySpan<double> x)
    {
        var dimension = _space[d];
        if (dimension.Parent < 0)
        {
            return true;
        }

        double parent = x[dimension.Parent];
        return parent >= 0 && dimension.ActiveFor![(int)parent];
    }

    /// <summary>Sets every coordinate's inactive constant or, where it has just become active, a start value, after a parent changed.</summary>
    /// <param name="x">The point.</param>
    public void Normalize(Span<double> x)
    {
        for (int d = 0; d < Count; d++)
        {
            if (_space[d].Parent < 0)
            {
                continue;
            }

            bool active = IsActive(d, x);
            if (IsCategorical[d])
            {
                if (!active)
                {
                    x[d] = InactiveCategory;
                }
                else if (x[d] < 0)
                {
                    x[d] = 0;
                }
            }
            else if (!active)
            {
                x[d] = InactiveRange;
            }
        }
    }

    /// <summary>Draws a point uniformly in the active subspace: each coordinate from the stream, in order, then inactive ones fixed.</summary>
    /// <param name="random">The stream.</param>
    /// <param name="x">Receives the kernel inputs.</param>
    public void Sample(Random random, Span<double> x)
    {
        for (int d = 0; d < Count; d++)
        {
            double u = random.NextDouble();
            var dimension = _space[d];
            x[d] = dimension.IsCategorical ? Categorical.Decode(u, dimension.Categories)
                : dimension.Kind == DimensionKind.Integer ? SnapInteger(d, u)
                : u;
        }

        for (int d = 0; d < Count; d++)
        {
            if (!IsActive(d, x))
            {
                x[d] = IsCategorical[d] ? InactiveCategory : InactiveRange;
            }
        }
    }

    /// <summary>The unit value of the integer a unit coordinate decodes to.</summary>
    /// <param name="d">An integer coordinate.</param>
    /// <param name="u">A unit value.</param>
    /// <returns>The centre of that integer's share of [0, 1].</returns>
    public double SnapInteger(int d, double u)
    {
        var dimension = _dimensions[d];
        long min = (long)dimension.Min, max = (long)dimension.Max;
        return IntegerRange.Encode(IntegerRange.Decode(Math.Clamp(u, 0, 1), min, max, dimension.Scale), min, max, dimension.Scale);
    }

    /// <summary>The unit value of the integer next to the one a unit coordinate decodes to.</summary>
    /// <param name="d">An integer coordinate.</param>
    /// <param name="u">A unit value.</param>
    /// <param name="step">−1 or +1.</param>
    /// <returns>The neighbour's unit value, or NaN past a bound.</returns>
    public double NeighbourInteger(int d, double u, int step)
    {
        var dimension = _dimensions[d];
        long min = (long)dimension.Min, max = (long)dimension.Max;
        long value = IntegerRange.Decode(Math.Clamp(u, 0, 1), min, max, dimension.Scale) + step;
        return value < min || value > max ? double.NaN : IntegerRange.Encode(value, min, max, dimension.Scale);
    }
}
