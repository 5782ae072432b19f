using System;
using System.Collections.Generic;
using System.Threading;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HyperTune.Analyzers.Grid;

/// <summary>
/// Counts the points of a config's grid the way the generated <c>SearchSpace.CountGrid</c> does:
/// a range gives <c>pointsPerRange</c> points (an integer range fewer when it holds fewer integers),
/// candidates give their count, <c>[Epochs]</c> is not a dimension, and a conditional dimension
/// multiplies only the branch of its parent's values under which it is active, so a parent with
/// children counts <c>sum over its values of the product of the children active under that value</c>.
/// Saturates at <see cref="long.MaxValue"/> rather than wrapping.
/// </summary>
internal static class GridCounter
{
    /// <summary>Conditions deeper than this are malformed (a cycle); the generator reports them (HT0010).</summary>
    private const int MaxDepth = 32;

    public static long Count(INamedTypeSymbol config, KnownSymbols symbols, int pointsPerRange, CancellationToken cancellationToken)
    {
        var dimensions = Read(config, symbols, cancellationToken);
        var total = 1L;
        foreach (var dimension in dimensions)
        {
            if (Parent(dimension, dimensions) is null)
            {
                total = Multiply(total, CountWithChildren(dimension, dimensions, pointsPerRange, 0));
            }
        }

        return total;
    }

    private static long CountWithChildren(Dimension dimension, List<Dimension> dimensions, int pointsPerRange, int depth)
    {
        var children = new List<Dimension>();
        foreach (var other in dimensions)
        {
            if (!ReferenceEquals(other, dimension) && ReferenceEquals(Parent(other, dimensions), dimension))
            {
                children.Add(other);
            }
        }

        if (children.Count == 0 || depth > MaxDepth || dimension.Candidates is not { } candidates)
        {
            return dimension.Count(pointsPerRange);
        }

        var sum = 0L;
        foreach (var value in candidates)
        {
            var branch = 1L;
            foreach (var child in children)
            {
                if (child.ActiveValues!.Exists(v => Constants.SameValue(v, value)))
                {
                    branch = Multiply(branch, CountWithChildren(child, dimensions, pointsPerRange, depth + 1));
                }
            }

            sum = Add(sum, branch);
        }

        return sum;
    }

    /// <summary>The categorical dimension a conditional one depends on; <see langword="null"/> for an unconditional (or malformed) one.</summary>
    private static Dimension? Parent(Dimension dimension, List<Dimension> dimensions)
    {
        if (dimension.ActiveWhen is not { } parentName)
        {
            return null;
        }

        foreach (var other in dimensions)
        {
            if (other.Name == parentName && other.Candidates is not null && !ReferenceEquals(other, dimension))
            {
                return other;
            }
        }

        return null;
    }

    private static List<Dimension> Read(INamedTypeSymbol config, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var dimensions = new List<Dimension>();
        foreach (var member in config.GetMembers())
        {
            if (member is not IPropertySymbol property)
            {
                continue;
            }

            Dimension? dimension = null;
            foreach (var attribute in property.GetAttributes())
            {
                if (symbols.IsDimension(attribute) && !KnownSymbols.Is(attribute, symbols.Epochs))
                {
                    dimension = Describe(property, attribute, symbols);
                    break;
                }
            }

            if (dimension is null)
            {
                continue;
            }

            if (KnownSymbols.Find(property, symbols.ActiveWhen) is { } activeWhen)
            {
                var arguments = AttributeArguments.For(activeWhen, cancellationToken);
                dimension.ActiveWhen = arguments.Constructor("dimension")?.Value as string;
                dimension.ActiveValues = new List<TypedConstant>(Constants.Elements(arguments.Constructor("values")));
            }

            dimensions.Add(dimension);
        }

        return dimensions;
    }

    private static Dimension Describe(IPropertySymbol property, AttributeData attribute, KnownSymbols symbols)
    {
        var candidates = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
            ? new List<TypedConstant>(Constants.Elements(attribute.ConstructorArguments[0]))
            : null;
        if (candidates is not null)
        {
            return new Dimension(property.Name, candidates, integers: null);
        }

        // A fixed value ([LearningRate(0.05)], or equal bounds) is a setting: one point, no factor.
        var arguments = attribute.ConstructorArguments;
        if ((arguments.Length == 1 && arguments[0].Kind != TypedConstantKind.Array) ||
            (arguments.Length >= 2 && Constants.AsDouble(arguments[0]) is { } first && Constants.AsDouble(arguments[1]) == first))
        {
            return new Dimension(property.Name, new List<TypedConstant> { arguments[0] }, integers: null);
        }

        // A range. Integer ranges (HiddenLayers/HiddenUnits, or [Range] on an int or long) hold a finite number of points.
        var isInteger = KnownSymbols.Is(attribute, symbols.HiddenLayers) || KnownSymbols.Is(attribute, symbols.HiddenUnits)
            || property.Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;
        if (isInteger && attribute.ConstructorArguments.Length >= 2
            && Constants.AsDouble(attribute.ConstructorArguments[0]) is { } a && Constants.AsDouble(attribute.ConstructorArguments[1]) is { } b)
        {
            bool log = attribute.ConstructorArguments.Length >= 3 && attribute.ConstructorArguments[2].Value is int scale && scale == LogScale;
            return new Dimension(property.Name, candidates: null, new IntegerRange(Math.Ceiling(Math.Min(a, b)), Math.Floor(Math.Max(a, b)), log));
        }

        return new Dimension(property.Name, candidates: null, integers: null);
    }

    // The value of HyperTune.Scale.Log.
    private const int LogScale = 1;

    private static long Multiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private sealed class Dimension
    {
        private readonly IntegerRange? _integers;

        public Dimension(string name, List<TypedConstant>? candidates, IntegerRange? integers)
        {
            Name = name;
            Candidates = candidates;
            _integers = integers;
        }

        public string Name { get; }

        /// <summary>The candidates of a categorical dimension; <see langword="null"/> for a range.</summary>
        public List<TypedConstant>? Candidates { get; }

        public string? ActiveWhen { get; set; }

        public List<TypedConstant>? ActiveValues { get; set; }

        public long Count(int pointsPerRange) =>
            Candidates is { } candidates ? candidates.Count
            : _integers is { } integers ? integers.Count(pointsPerRange)
            : pointsPerRange;
    }

    /// <summary>
    /// An integer range's grid, counted as the runtime's <c>IntegerRange.CountGrid</c> builds it:
    /// every integer when there are fewer than the points; otherwise evenly spaced (in the logarithm
    /// on a log scale) points, rounded half away from zero, with the duplicates that rounding makes
    /// on a log scale dropped.
    /// </summary>
    private sealed class IntegerRange
    {
        // Beyond this many points a log range is not walked (an analyzer must stay fast): the count is
        // then the points asked for, an upper bound that is exact unless rounding makes duplicates.
        private const int MaxPointsWalked = 100_000;

        private readonly double _min;
        private readonly double _max;
        private readonly bool _log;

        public IntegerRange(double min, double max, bool log)
        {
            _min = min;
            _max = max;
            _log = log && min > 0;
        }

        public long Count(int points)
        {
            double integers = _max - _min + 1;
            if (integers < 1)
            {
                return 1;
            }

            if (integers <= points)
            {
                return integers >= long.MaxValue ? long.MaxValue : (long)integers;
            }

            if (!_log || points > MaxPointsWalked || points < 2)
            {
                return points;
            }

            long count = 0;
            double previous = double.NaN;
            for (int k = 0; k < points; k++)
            {
                double t = (double)k / (points - 1);
                double real = Math.Exp(Math.Log(_min) + (t * (Math.Log(_max) - Math.Log(_min))));
                double value = k == 0 ? _min : k == points - 1 ? _max : Math.Min(_max, Math.Max(_min, Math.Round(real, MidpointRounding.AwayFromZero)));
                if (k == 0 || value != previous)
                {
                    count++;
                }

                previous = value;
            }

            return count;
        }
    }
}
