using Microsoft.CodeAnalysis;

namespace HyperTune.Analyzers.Infrastructure;

/// <summary>One bound of a range attribute, the other bound, and where the bound is written.</summary>
internal readonly struct RangeBound
{
    private readonly AttributeArguments _arguments;
    private readonly string _parameter;

    public RangeBound(AttributeArguments arguments, string parameter, double value, double other)
    {
        _arguments = arguments;
        _parameter = parameter;
        Value = value;
        Other = other;
    }

    public double Value { get; }

    /// <summary>The range's other bound: what a clamped range would keep.</summary>
    public double Other { get; }

    /// <summary>The bound's argument (found only when asked for: most bounds are fine).</summary>
    public Location Location => _arguments.LocationOf(_arguments.ConstructorExpression(_parameter));
}
