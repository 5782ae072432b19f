namespace HyperTune.DigitsStudy;

/// <summary>
/// The space of Optuna's side of the benchmark (optuna_digits.py): Adam, learning rate 1e-5..1e-1 log,
/// batch 32/64/128/256, 16..256 units (log) shared by 1..3 layers, L2 1e-6..1e-2 log, up to 30 epochs.
/// </summary>
public partial class DigitsStudyConfig
{
    [LearningRate(0.1, 0.00001, Scale.Log)] public double LearningRate { get; set; } = 0.001;

    [BatchSize(32, 64, 128, 256)] public int BatchSize { get; set; } = 32;

    [HiddenUnits(16, 256, Scale.Log)] public int HiddenUnits { get; set; } = 64;

    [HiddenLayers(1, 3)] public int HiddenLayers { get; set; } = 1;

    [WeightDecay(1e-6, 1e-2, Scale.Log)] public double WeightDecay { get; set; } = 1e-4;

    [Optimizer(OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;

    [Epochs(30)] public int Epochs { get; set; } = 30;

    /// <summary>The split files already hold pixels / 16, as Optuna's side feeds scikit-learn: no further scaling.</summary>
    public InputScaling Scaling { get; set; } = InputScaling.None;
}
