namespace HyperTune.SourceGenerators.Configs.Model;

/// <summary>
/// How to re-declare a type as partial: its keyword (<c>class</c>, <c>record</c>, <c>struct</c>,
/// <c>record struct</c>, with <c>readonly</c> when it has it) and its escaped name.
/// </summary>
internal sealed record TypeDeclarationSpec(string Keyword, string Name);
