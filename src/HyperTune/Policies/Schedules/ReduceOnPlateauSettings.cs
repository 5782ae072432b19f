namespace HyperTune.Policies.Schedules;

/// <summary>The validated parameters of PyTorch's <c>ReduceLROnPlateau</c>, under PyTorch's names.</summary>
internal readonly record struct ReduceOnPlateauSettings(
    double Factor,
    int Patience,
    double Threshold,
    ThresholdMode ThresholdMode,
    int Cooldown,
    double MinLr,
    MonitorMode Mode,
    double Eps);
