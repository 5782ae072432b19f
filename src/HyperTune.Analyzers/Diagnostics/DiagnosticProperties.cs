namespace HyperTune.Analyzers.Diagnostics;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> through which an analyzer
/// tells its code fix what to write: the analyzer has the semantic facts, the fix only edits text.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>The C# literal that replaces the flagged expression (a clamped bound, a shorter patience).</summary>
    public const string Replacement = "HyperTune.Replacement";

    /// <summary>Present when removing the flagged candidate leaves at least one valid candidate.</summary>
    public const string CanRemove = "HyperTune.CanRemove";

    /// <summary>The name of the named attribute argument to add when the flagged one is absent.</summary>
    public const string NamedArgumentToAdd = "HyperTune.NamedArgumentToAdd";

    /// <summary>
    /// Present on an HT0002 reported at a config type, where adding early stopping fixes it; then
    /// <see cref="Replacement"/> is the patience to write (one that fits the config).
    /// </summary>
    public const string CanAddEarlyStopping = "HyperTune.CanAddEarlyStopping";

    /// <summary>Present on an HT0004 whose attribute already names a scale argument (replace it rather than add one).</summary>
    public const string HasScaleArgument = "HyperTune.HasScaleArgument";
}
