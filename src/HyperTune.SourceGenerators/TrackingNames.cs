namespace HyperTune.SourceGenerators;

/// <summary>
/// Names of the pipeline steps, so that tests can assert why each one ran (Cached, Unchanged,
/// Modified) after an edit.
/// </summary>
internal static class TrackingNames
{
    /// <summary>A config type's model, built from one of its attributed properties.</summary>
    public const string ConfigModel = nameof(ConfigModel);

    /// <summary>Every config model of the compilation, collected.</summary>
    public const string AllConfigModels = nameof(AllConfigModels);

    /// <summary>The config models, one per type.</summary>
    public const string DistinctConfigModels = nameof(DistinctConfigModels);

    /// <summary>The models the search-space emitter writes.</summary>
    public const string SearchSpaceSpecs = nameof(SearchSpaceSpecs);

    /// <summary>Whether the compilation's C# version is one generated code compiles under.</summary>
    public const string LanguageVersion = nameof(LanguageVersion);
}
