namespace HyperTune.Analyzers.Diagnostics;

/// <summary>The categories of HyperTune's diagnostics (what a user filters on in an IDE's error list).</summary>
internal static class DiagnosticCategories
{
    /// <summary>Settings that make training diverge, crawl, or waste compute.</summary>
    public const string Hyperparameters = "HyperTune.Hyperparameters";

    /// <summary>Policies (early stopping, monitors, schedules) that cannot act as written.</summary>
    public const string TrainingPolicy = "HyperTune.TrainingPolicy";

    /// <summary>Search spaces that are too large or redundant to explore.</summary>
    public const string SearchSpace = "HyperTune.SearchSpace";
}
