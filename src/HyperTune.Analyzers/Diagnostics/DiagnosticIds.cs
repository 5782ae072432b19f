namespace HyperTune.Analyzers.Diagnostics;

/// <summary>
/// The diagnostic IDs the analyzers report, and the generator's IDs that the code fixes handle.
/// The IDs are a public contract: users suppress and configure them by these strings.
/// </summary>
internal static class DiagnosticIds
{
    public const string BatchSizeTooLarge = "HT0001";
    public const string NoValidationMonitor = "HT0002";
    public const string LearningRateOutOfRange = "HT0003";
    public const string LinearScaleAcrossDecades = "HT0004";
    public const string EarlyStoppingNeverTriggers = "HT0005";
    public const string TooManyHiddenLayers = "HT0006";
    public const string GridTooLarge = "HT0007";

    /// <summary>Reported by ConfigAnalyzer (the generator's parser); the code fix makes the type partial.</summary>
    public const string ConfigTypeNotPartial = "HT0008";

    public const string PlateauDecayCannotAct = "HT0009";

    /// <summary>Reported by ConfigAnalyzer (the generator's parser); a repeated or non-finite candidate is removable.</summary>
    public const string InvalidCandidates = "HT0014";

    public const string BatchSizeOne = "HT0020";
    public const string DecayNeverActs = "HT0021";
    public const string MomentumNotBelowOne = "HT0022";
    public const string DuplicateCandidate = "HT0023";
    public const string AdaptiveOptimizerDecayedToNothing = "HT0024";
    public const string DropoutOutOfRange = "HT0025";
    public const string BatchSizeBelowOne = "HT0026";
    public const string DuplicateRole = "HT0027";
    public const string LanguageVersionTooLow = "HT0028";
    public const string InvalidPolicy = "HT0029";
    public const string DefaultEpochBound = "HT0030";
    public const string ConfigNameClash = "HT0031";
    public const string SettingOutOfRange = "HT0032";
}
