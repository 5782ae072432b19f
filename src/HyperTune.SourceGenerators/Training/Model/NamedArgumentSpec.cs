namespace HyperTune.SourceGenerators.Training.Model;

/// <summary>One named property of an attribute: its name and its value as a C# literal.</summary>
/// <param name="Name">The property name.</param>
/// <param name="Literal">The value as a C# literal.</param>
internal sealed record NamedArgumentSpec(string Name, string Literal);
