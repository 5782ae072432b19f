using HyperTune;

// The analyzers ship in the package: a consumer's own `dotnet build` must report this.
// expect-diagnostic: HT0001

/// <summary>A config with a batch size above 256, which HT0001 flags (a warning, so the build still succeeds).</summary>
public partial class RiskyConfig
{
    [BatchSize(32, 512)] public int BatchSize { get; set; } = 32;
}
