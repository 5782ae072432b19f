using HyperTune.Roslyn;
using HyperTune.SourceGenerators.SearchSpace.Model;
using HyperTune.SourceGenerators.Training.Model;

namespace HyperTune.SourceGenerators.Configs.Model;

/// <summary>
/// Everything the emitters need to know about one annotated config type, as plain data. Each
/// feature adds its own part: the search space now; the training loop (issue 3) will add a
/// training spec next to it, read from the same type.
/// </summary>
/// <param name="MetadataName">The fully qualified metadata name, e.g. <c>Ns.Outer+Config</c>; the hint name.</param>
/// <param name="FullyQualifiedName">The type as code names it, e.g. <c>global::Ns.Outer.Config</c>.</param>
/// <param name="DisplayName">The short name messages use, e.g. <c>Outer.Config</c>.</param>
/// <param name="Namespace">The namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">The types it is nested in, outermost first.</param>
/// <param name="Type">How to re-declare the type itself.</param>
/// <param name="IsValueType">Whether it is a struct (its template is a <c>Nullable&lt;T&gt;</c>).</param>
/// <param name="Construction">How a copy with new dimension values is built.</param>
/// <param name="CopiedMembers">For <see cref="ConstructionKind.ObjectInitializer"/>: the settable members copied from the template.</param>
/// <param name="NewExpression">How generated code creates a config without a template, e.g. <c>new global::Ns.Config()</c> or, for a positional record, <c>new global::Ns.Config(LearningRate: default, Epochs: default)</c>.</param>
/// <param name="HidesInheritedMember">Whether a base type has a member named <c>SearchSpace</c>, which the nested class hides.</param>
/// <param name="HidesInheritedTrain">Whether a base type has (or is generated) a <c>Train</c> method, which this config's hides.</param>
/// <param name="CanDeclareTune">Whether the config can hold the generated <c>Tune</c> methods: it is not named <c>Tune</c> and has no non-method member of that name.</param>
/// <param name="HidesInheritedTrainingTune">Whether a base type has (or is generated) a <c>Tune(Dataset, Dataset, TuneOptions, CancellationToken)</c>, which this config's hides.</param>
/// <param name="SearchSpace">The search space.</param>
/// <param name="Training">The training loop, or <see langword="null"/> when the config does not train (neither <c>[Epochs]</c> nor a training policy).</param>
internal sealed record ConfigSpec(
    string MetadataName,
    string FullyQualifiedName,
    string DisplayName,
    string? Namespace,
    EquatableArray<TypeDeclarationSpec> ContainingTypes,
    TypeDeclarationSpec Type,
    bool IsValueType,
    ConstructionKind Construction,
    EquatableArray<string> CopiedMembers,
    string NewExpression,
    bool HidesInheritedMember,
    bool HidesInheritedTrain,
    bool CanDeclareTune,
    bool HidesInheritedTrainingTune,
    SearchSpaceSpec SearchSpace,
    TrainingSpec? Training);
