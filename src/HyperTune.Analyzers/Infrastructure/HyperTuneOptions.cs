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

    /// <summary>The MSBuild property <c>HyperTuneMaxGridPoints</c>, made visible by <c>HyperTune.props</c>.</summary>
    public const string MaxGridPointsProperty = "build_property.HyperTuneMaxGridPoints";

    public const int DefaultMaxBatchSize = 256;
    public const long DefaultMaxGridPoints = 10_000;
    public const int DefaultMaxHiddenLayers = 3;
    public const double DefaultMinDecayFactor = 1e-4;

    private readonly AnalyzerConfigOptions _options;

    private HyperTuneOptions(AnalyzerConfigOptions options) => _options = options;

    public static HyperTuneOptions For(AnalyzerOptions options, SyntaxTree tree) =>
        new(options.AnalyzerConfigOptionsProvider.GetOptions(tree));

    /// <summary>HT0001: the largest batch size that does not warn.</summary>
    public int MaxBatchSize => ReadInt(MaxBatchSizeKey, DefaultMaxBatchSize);

    /// <summary>HT0007: the largest grid that does not warn.</summary>
    public long MaxGridPoints => _options.TryGetValue(MaxGridPointsKey, out var text)
        && long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : DefaultMaxGridPoints;

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
