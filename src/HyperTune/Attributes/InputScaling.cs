namespace HyperTune;

/// <summary>
/// How the generated <c>Train</c> scales input features before training; the trained model applies
/// the same scaling to raw rows. A config chooses it with a property of this type (a fixed setting,
/// or a <c>[Choice]</c> dimension); without one it standardises.
/// </summary>
public enum InputScaling
{
    /// <summary>Standardise each feature to mean 0 and standard deviation 1 on the training set (scikit-learn's <c>StandardScaler</c>).</summary>
    Standardize = 0,

    /// <summary>Use the features as given: for data already on a common scale, such as pixels.</summary>
    None = 1,

    /// <summary>Map each feature's training-set range onto [0, 1] (scikit-learn's <c>MinMaxScaler</c>).</summary>
    MinMax = 2,
}
