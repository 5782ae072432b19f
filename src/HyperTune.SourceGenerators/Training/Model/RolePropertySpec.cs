namespace HyperTune.SourceGenerators.Training.Model;

/// <summary>
/// The config property that plays one role in training (the learning rate, the batch size, ...),
/// found by its HyperTune attribute.
/// </summary>
/// <param name="Identifier">The property name as code refers to it.</param>
/// <param name="IsSingle">Whether the property is a <see cref="float"/> (widened to <see cref="double"/>).</param>
/// <param name="IsInt64">Whether the property is a <see cref="long"/> (narrowed, checked, to <see cref="int"/>).</param>
/// <param name="Fixed">The value of a fixed setting (<c>[LearningRate(0.05)]</c>) as a C# expression, which <c>Train</c> uses instead of the property; otherwise <see langword="null"/>.</param>
internal sealed record RolePropertySpec(string Identifier, bool IsSingle, bool IsInt64, string? Fixed = null);
