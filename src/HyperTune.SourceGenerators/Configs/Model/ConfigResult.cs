namespace HyperTune.SourceGenerators.Configs.Model;

/// <summary>
/// What parsing one config type gave the generator: its model when it can be generated. The
/// problems that keep it from being generated are the analyzer's to report, not the generator's.
/// </summary>
/// <param name="MetadataName">The type's fully qualified metadata name: the key that dedupes results.</param>
/// <param name="Spec">The model, or <see langword="null"/> when nothing can be generated.</param>
internal sealed record ConfigResult(string MetadataName, ConfigSpec? Spec);
