using HyperTune.Roslyn;

namespace HyperTune.SourceGenerators.Training.Model;

/// <summary>
/// What the emitted training loop of a config needs: which property plays which role, and the
/// class-level policies, fixed at compile time and so emitted inline.
/// </summary>
/// <param name="LearningRate">The <c>[LearningRate]</c> property, or <see langword="null"/> for the optimiser's conventional default (0.01 for SGD, momentum, Nesterov and AdaGrad; 0.001 for Adam, AdamW and RMSProp).</param>
/// <param name="Epochs">The <c>[Epochs]</c> property, or <see langword="null"/>: then <c>[StopAtStep]</c> bounds training, or else <c>KnownNames.DefaultMaxEpochs</c> epochs.</param>
/// <param name="BatchSize">The <c>[BatchSize]</c> property, or <see langword="null"/> for the default of 32.</param>
/// <param name="HiddenLayers">The <c>[HiddenLayers]</c> property, or <see langword="null"/> for one hidden layer.</param>
/// <param name="HiddenUnits">The <c>[HiddenUnits]</c> property, or <see langword="null"/> for 128 units.</param>
/// <param name="HiddenShrink">The <c>[HiddenShrink]</c> property, or <see langword="null"/> for equal widths.</param>
/// <param name="Optimizer">The <c>[Optimizer]</c> property, or <see langword="null"/> for SGD (with momentum when there is a <c>[Momentum]</c> property).</param>
/// <param name="Momentum">The <c>[Momentum]</c> property, or <see langword="null"/> for 0.9.</param>
/// <param name="WeightDecay">The <c>[WeightDecay]</c> property, or <see langword="null"/> for none.</param>
/// <param name="AdamBeta1">The <c>[AdamBeta1]</c> property, or <see langword="null"/> for 0.9.</param>
/// <param name="AdamBeta2">The <c>[AdamBeta2]</c> property, or <see langword="null"/> for 0.999.</param>
/// <param name="AdamEpsilon">The <c>[AdamEpsilon]</c> property, or <see langword="null"/> for 1e-8.</param>
/// <param name="Dropout">The <c>[Dropout]</c> property, or <see langword="null"/> for none.</param>
/// <param name="Activation">A property of type <c>HyperTune.Activation</c>, or <see langword="null"/> for ReLU.</param>
/// <param name="InputScaling">A property of type <c>HyperTune.InputScaling</c>, or <see langword="null"/> to standardise.</param>
/// <param name="Decay">The <c>[LearningRateDecay]</c> attribute, or <see langword="null"/> for a constant rate.</param>
/// <param name="DecayIsPlateau">Whether the decay is <c>ReduceOnPlateau</c>, which needs a monitored value each epoch.</param>
/// <param name="EarlyStopping">The <c>[EarlyStopping]</c> attribute, or <see langword="null"/>.</param>
/// <param name="EarlyStoppingMonitorsAccuracy">Whether early stopping watches validation accuracy (mode max) rather than loss.</param>
/// <param name="RestoreBestWeights">Whether early stopping restores the best epoch's weights.</param>
/// <param name="ValidationMonitor">The <c>[ValidationMonitor]</c> attribute, or <see langword="null"/>.</param>
/// <param name="ValidationMonitorWatchesAccuracy">Whether the validation monitor's metric is accuracy rather than loss.</param>
/// <param name="StopAtStep">The <c>[StopAtStep]</c> step, or <see langword="null"/>.</param>
/// <param name="StopOnNaN">Whether a NaN or infinite loss stops training (on unless <c>[StopOnNaN(Enabled = false)]</c>).</param>
internal sealed record TrainingSpec(
    RolePropertySpec? LearningRate,
    RolePropertySpec? Epochs,
    RolePropertySpec? BatchSize,
    RolePropertySpec? HiddenLayers,
    RolePropertySpec? HiddenUnits,
    RolePropertySpec? HiddenShrink,
    RolePropertySpec? Optimizer,
    RolePropertySpec? Momentum,
    RolePropertySpec? WeightDecay,
    RolePropertySpec? AdamBeta1,
    RolePropertySpec? AdamBeta2,
    RolePropertySpec? AdamEpsilon,
    RolePropertySpec? Dropout,
    RolePropertySpec? Activation,
    RolePropertySpec? InputScaling,
    AttributeInstanceSpec? Decay,
    bool DecayIsPlateau,
    AttributeInstanceSpec? EarlyStopping,
    bool EarlyStoppingMonitorsAccuracy,
    bool RestoreBestWeights,
    AttributeInstanceSpec? ValidationMonitor,
    bool ValidationMonitorWatchesAccuracy,
    long? StopAtStep,
    bool StopOnNaN);
