using HyperTune.Roslyn;

namespace HyperTune.SourceGenerators.Training.Model;

/// <summary>
/// A class-level policy attribute as the emitted code re-creates it: the same constructor
/// arguments and named properties, as C# literals, so the runtime policy gets exactly the settings
/// the user wrote (and its own validation of them).
/// </summary>
/// <param name="ConstructorArguments">The constructor arguments, as literals.</param>
/// <param name="NamedArguments">The named properties set, in source order.</param>
internal sealed record AttributeInstanceSpec(
    EquatableArray<string> ConstructorArguments,
    EquatableArray<NamedArgumentSpec> NamedArguments);
