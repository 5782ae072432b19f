using HyperTune.Roslyn;

namespace HyperTune.SourceGenerators.SearchSpace.Model;

/// <summary>The condition of a conditional dimension: the categorical dimension it depends on takes one of some candidates.</summary>
/// <param name="ParentIndex">The index of the categorical dimension it depends on.</param>
/// <param name="CandidateIndices">The indices, among that dimension's candidates, of the values it is active under, in ascending order.</param>
internal sealed record ConditionSpec(int ParentIndex, EquatableArray<int> CandidateIndices);
