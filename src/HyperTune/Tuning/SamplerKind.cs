namespace HyperTune;

/// <summary>How a study chooses the config of its next trial.</summary>
public enum SamplerKind
{
    /// <summary>
    /// Tree-structured Parzen estimator (Bergstra et al. 2011; multivariate as Falkner et al. 2018):
    /// model-based, after a number of random start-up trials. The default.
    /// </summary>
    Tpe = 0,

    /// <summary>Independent uniform draws in the unit encoding (log-uniform on log scales), seeded per trial.</summary>
    Random = 1,

    /// <summary>Every point of the grid once, in the grid's order, across resumes and parallel workers.</summary>
    Grid = 2,

    /// <summary>
    /// Gaussian-process Bayesian optimisation: a Matérn-5/2 kernel with one length scale per dimension,
    /// fitted by marginal likelihood, and log expected improvement maximised over the box.
    /// </summary>
    GaussianProcess = 3,
}
