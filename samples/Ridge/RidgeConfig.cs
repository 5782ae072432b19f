using HyperTune;

namespace Ridge;

/// <summary>
/// Ridge regression's hyperparameters: the L2 penalty on a log scale (as the learning rate is for a
/// network: it spans decades), whether squared features are added, and how features are scaled.
/// </summary>
public partial class RidgeConfig
{
    /// <summary>The penalty α of ‖Xw − y‖² + α‖w‖².</summary>
    [Range(1e-4, 1e4, Scale.Log)] public double Alpha { get; set; } = 1.0;

    /// <summary>1: the features as they are; 2: each feature's square added too.</summary>
    [Choice(1, 2)] public int Degree { get; set; } = 1;

    /// <summary>Whether features are standardised (fitted on each fold's training rows) before the fit.</summary>
    [Choice(true, false)] public bool Standardize { get; set; } = true;
}
