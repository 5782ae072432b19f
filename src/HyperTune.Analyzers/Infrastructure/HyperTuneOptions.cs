using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Infrastructure;

/// <summary>
/// The thresholds users tune in <c>.editorconfig</c> (or a global <c>.globalconfig</c>), read for the
/// file that holds the code at fault. A missing or malformed value falls back to the default. The grid
/// limit can also be set for the whole project with the MSBuild property <c>HyperTuneMaxGridPoints</c>
/// (<c>build_property.HyperTuneMaxGridPoints</c>); a file's <c>.editorconfig</c> key overrides it.
/// </summary>
internal readonly struct HyperTuneOptions
{
    public const string MaxBatchSizeKey = "hypertune.max_batch_size";
    public const string MaxGridPointsKey = "hypertune.max_grid_points";
    public const string MaxHiddenLayersKey = "hypertune.max_hidden_layers";
    public const string MinDecayFactorKey = "hypertune.min_decay_factor";

    /// <summary>
    /// The MSBuild property <c>HyperTuneMaxGridPoints</c>, made visible by <c>HyperTune.props</c>. In
    /// lower case: the compiler lower-cases the keys it parses from config files, and a provider
    /// need not compare them ignoring case.
    /// </summary>
    public const string MaxGridPointsProperty = "build_property.hypertunemaxgridpoints";

    public const int DefaultMaxBatchSize = 256;
    public const long DefaultMaxGridPoints = 10_000;
    public const int DefaultMaxHiddenLayers = 3;
    public const double DefaultMinDecayFactor = 1e-4;

    private readonly AnalyzerConfigOptions _options;
    private readonly AnalyzerConfigOptions _global;

    private HyperTuneOptions(AnalyzerConfigOptions options, AnalyzerConfigOptions global)
    {
        _options = options;
        _global = global;
    }

    public static HyperTuneOptions For(AnalyzerOptions options, SyntaxTree tree) =>
        new(options.AnalyzerConfigOptionsProvider.GetOptions(tree), options.AnalyzerConfigOptionsProvider.GlobalOptions);

    /// <summary>HT0001: the largest batch size that does not warn.</summary>
    public int MaxBatchSize => ReadInt(MaxBatchSizeKey, DefaultMaxBatchSize);

    /// <summary>
    /// HT0007: the largest grid that does not warn. The file's <c>hypertune.max_grid_points</c> first,
    /// then the project's <c>HyperTuneMaxGridPoints</c> (which the compiler serves both per file and
    /// globally), then 10,000; a malformed or non-positive value counts as unset.
    /// </summary>
    public long MaxGridPoints =>
        ReadPositiveLong(_options, MaxGridPointsKey)
        ?? ReadPositiveLong(_options, MaxGridPointsProperty)
        ?? ReadPositiveLong(_global, MaxGridPointsProperty)
        ?? DefaultMaxGridPoints;

    /// <summary>HT0006: the largest number of hidden layers that does not warn.</summary>
    public int MaxHiddenLayers => ReadInt(MaxHiddenLayersKey, DefaultMaxHiddenLayers);

    /// <summary>HT0024: the smallest factor a schedule may cut an adaptive optimiser's rate to.</summary>
    public double MinDecayFactor => _options.TryGetValue(MinDecayFactorKey, out var text)
        && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value < 1
            ? value
            : DefaultMinDecayFactor;

    private static long? ReadPositiveLong(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var text)
        && long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : null;

    private int ReadInt(string key, int fallback) =>
        _options.TryGetValue(key, out var text)
        && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
