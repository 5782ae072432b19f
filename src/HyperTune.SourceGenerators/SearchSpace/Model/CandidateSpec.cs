namespace HyperTune.SourceGenerators.SearchSpace.Model;

/// <summary>One candidate of a categorical dimension, already converted to the property's type.</summary>
/// <param name="Literal">The C# expression of the value, e.g. <c>0.5</c>, <c>"relu"</c>, <c>global::HyperTune.OptimizerKind.Adam</c>.</param>
/// <param name="Display">How messages show it, e.g. <c>Adam</c>.</param>
/// <param name="Key">A canonical, machine-independent key (exact bits for reals) that identifies the value.</param>
internal sealed record CandidateSpec(string Literal, string Display, string Key);
