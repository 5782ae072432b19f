using System;
using System.Collections.Generic;
using System.Linq;

namespace HyperTune.Tuning;

/// <summary>
/// The dimensions of a space as a sampler sees them in the unit encoding: what each coordinate is
/// (a range, or one of n categories at (i + 0.5) / n), and when a conditional coordinate is active.
/// Built once per study from <see cref="Dimension"/> data, so samplers never see a config type.
/// </summary>
internal sealed class UnitSpace
{
    private readonly UnitDimension[] _dimensions;

    public UnitSpace(IReadOnlyList<Dimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        Dimensions = dimensions;
        _dimensions = new UnitDimension[dimensions.Count];
        for (int i = 0; i < dimensions.Count; i++)
        {
            var dimension = dimensions[i];
            int parent = -1;
            bool[]? activeFor = null;
            if (dimension.Condition is { } condition)
            {
                parent = FindIndex(dimensions, condition.Dimension);
                var parentDimension = parent >= 0 ? dimensions[parent] : null;
                if (parentDimension is null || parentDimension.Kind != DimensionKind.Categorical || parentDimension.IsConditional)
                {
                    throw new ArgumentException($"The condition of '{dimension.Name}' names '{condition.Dimension}', which is not an unconditional categorical dimension of the space.", nameof(dimensions));
                }

                activeFor = new bool[parentDimension.Candidates.Count];
                foreach (object? value in condition.Values)
                {
                    int index = IndexOfCandidate(parentDimension, value);
                    if (index >= 0)
                    {
                        activeFor[index] = true;
                    }
                }
            }

            _dimensions[i] = new UnitDimension(
                dimension.Name,
                dimension.Kind,
                dimension.Kind == DimensionKind.Categorical ? dimension.Candidates.Count : 0,
                dimension.Kind == DimensionKind.Integer ? IntegerLevels(dimension) : 0,
                parent,
                activeFor);
        }
    }

    /// <summary>The dimensions this space was built from.</summary>
    public IReadOnlyList<Dimension> Dimensions { get; }

    /// <summary>The number of coordinates.</summary>
    public int Count => _dimensions.Length;

    /// <summary>The coordinate's description.</summary>
    /// <param name="index">The coordinate.</param>
    public UnitDimension this[int index] => _dimensions[index];

    /// <summary>Whether coordinate <paramref name="index"/> is active at a point: unconditional, or its parent's category is one it depends on.</summary>
    /// <param name="index">The coordinate.</param>
    /// <param name="unit">The point; the parent's coordinate must be set.</param>
    /// <returns>Whether the coordinate means something at that point.</returns>
    public bool IsActive(int index, ReadOnlySpan<double> unit)
    {
        var dimension = _dimensions[index];
        if (dimension.Parent < 0)
        {
            return true;
        }

        double parent = unit[dimension.Parent];
        if (double.IsNaN(parent))
        {
            return false;
        }

        return dimension.ActiveFor![Generated.Categorical.Decode(parent, dimension.ActiveFor.Length)];
    }

    /// <summary>Writes <see cref="double.NaN"/> into every inactive coordinate of a point.</summary>
    /// <param name="unit">The point.</param>
    public void MarkInactive(Span<double> unit)
    {
        for (int i = 0; i < _dimensions.Length; i++)
        {
            if (!IsActive(i, unit))
            {
                unit[i] = double.NaN;
            }
        }
    }

    private static int FindIndex(IReadOnlyList<Dimension> dimensions, string name)
    {
        for (int i = 0; i < dimensions.Count; i++)
        {
            if (dimensions[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOfCandidate(Dimension dimension, object? value)
    {
        for (int i = 0; i < dimension.Candidates.Count; i++)
        {
            if (Equals(dimension.Candidates[i], value))
            {
                return i;
            }
        }

        return -1;
    }

    private static int IntegerLevels(Dimension dimension)
    {
        double span = dimension.Max - dimension.Min + 1;
        return span > int.MaxValue ? int.MaxValue : (int)span;
    }
}

/// <summary>One coordinate of the unit encoding.</summary>
/// <param name="Name">The dimension's name.</param>
/// <param name="Kind">Continuous, integer or categorical.</param>
/// <param name="Categories">The number of candidates of a categorical dimension (candidate i sits at (i + 0.5) / n); 0 otherwise.</param>
/// <param name="IntegerLevels">The number of integers of an integer range (decoding rounds); 0 otherwise.</param>
/// <param name="Parent">The index of the categorical coordinate a conditional one depends on; -1 when unconditional.</param>
/// <param name="ActiveFor">For a conditional coordinate, which of the parent's categories make it active.</param>
internal sealed record UnitDimension(string Name, DimensionKind Kind, int Categories, int IntegerLevels, int Parent, bool[]? ActiveFor)
{
    /// <summary>Whether the coordinate is a category rather than a position on a range.</summary>
    public bool IsCategorical => Kind == DimensionKind.Categorical;
}
