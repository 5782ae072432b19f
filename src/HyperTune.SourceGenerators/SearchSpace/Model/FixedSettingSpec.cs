namespace HyperTune.SourceGenerators.SearchSpace.Model;

/// <summary>
/// A fixed setting: a dimension attribute with one value (<c>[LearningRate(0.05)]</c>,
/// <c>[BatchSize(64)]</c>) or two equal bounds. Not a dimension: it adds no coordinate and no grid
/// point; generated configs get its value, and <c>Train</c> uses it.
/// </summary>
/// <param name="Name">The property name as written in messages.</param>
/// <param name="Identifier">The property name as code refers to it.</param>
/// <param name="Literal">The value as a C# expression of the property's type.</param>
/// <param name="Display">The value as messages and docs show it.</param>
internal sealed record FixedSettingSpec(string Name, string Identifier, string Literal, string Display);
