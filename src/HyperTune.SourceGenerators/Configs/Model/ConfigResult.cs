using HyperTune.Roslyn;

namespace HyperTune.SourceGenerators.Configs.Model;

/// <summary>
/// What parsing one config type gave: its model when it can be generated, and the diagnostics to
/// report either way.
/// </summary>
/// <param name="MetadataName">The type's fully qualified metadata name: the key that dedupes results.</param>
/// <param name="Spec">The model, or <see langword="null"/> when nothing can be generated.</param>
/// <param name="Diagnostics">The diagnostics to report.</param>
internal sealed record ConfigResult(string MetadataName, ConfigSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
