namespace HyperTune;

/// <summary>Whether a monitored value improves by going down or up.</summary>
public enum MonitorMode
{
    /// <summary>Lower is better (a loss).</summary>
    Min = 0,

    /// <summary>Higher is better (an accuracy).</summary>
    Max = 1,
}
