namespace HyperTune;

/// <summary>Whether a study looks for the lowest or the highest objective value.</summary>
public enum Direction
{
    /// <summary>Lower is better (a loss, an error rate): the default.</summary>
    Minimize = 0,

    /// <summary>Higher is better (an accuracy, a reward).</summary>
    Maximize = 1,
}
