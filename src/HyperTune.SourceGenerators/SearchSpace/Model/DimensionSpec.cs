using HyperTune.Roslyn;

namespace HyperTune.SourceGenerators.SearchSpace.Model;

/// <summary>One tuned dimension of a search space.</summary>
/// <param name="Name">The property name as written in messages and <c>Dimensions</c>.</param>
/// <param name="Identifier">The property name as code refers to it (escaped when a keyword).</param>
/// <param name="PropertyType">The property type as code names it, fully qualified.</param>
/// <param name="TypeOfExpression">The type for <c>typeof</c> (no nullable reference annotation).</param>
/// <param name="Kind">Continuous, integer or categorical.</param>
/// <param name="ValueKind">The numeric representation of a range's property.</param>
/// <param name="Min">The smaller bound of a range.</param>
/// <param name="Max">The larger bound of a range.</param>
/// <param name="IsLog">Whether a range is explored on a log scale.</param>
/// <param name="Candidates">The candidates of a categorical dimension.</param>
/// <param name="CandidateArrayType">The element type of the candidates array (nullable when a candidate is <see langword="null"/>).</param>
/// <param name="Condition">The condition it is active under, or <see langword="null"/>.</param>
internal sealed record DimensionSpec(
    string Name,
    string Identifier,
    string PropertyType,
    string TypeOfExpression,
    DimensionKindSpec Kind,
    ValueKind ValueKind,
    double Min,
    double Max,
    bool IsLog,
    EquatableArray<CandidateSpec> Candidates,
    string CandidateArrayType,
    ConditionSpec? Condition);
