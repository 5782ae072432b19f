namespace HyperTune.SourceGenerators.Configs.Model;

/// <summary>How to re-declare a type as partial: <c>{Modifiers}partial {Keyword} {Name}</c>.</summary>
/// <param name="Modifiers">Modifiers that must precede <c>partial</c> (<c>"readonly "</c> on a readonly struct), or empty.</param>
/// <param name="Keyword"><c>class</c>, <c>record</c>, <c>struct</c> or <c>record struct</c>.</param>
/// <param name="Name">The type's name, escaped when it is a keyword.</param>
internal sealed record TypeDeclarationSpec(string Modifiers, string Keyword, string Name);
