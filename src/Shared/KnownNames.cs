namespace HyperTune.Roslyn;

/// <summary>
/// Metadata names of the library types that the generator and the analyzers recognise. Shared by
/// source between the two assemblies, which cannot reference the library itself.
/// </summary>
internal static class KnownNames
{
    public const string Namespace = "HyperTune";

    public const string LearningRateAttribute = "HyperTune.LearningRateAttribute";
    public const string BatchSizeAttribute = "HyperTune.BatchSizeAttribute";
    public const string EpochsAttribute = "HyperTune.EpochsAttribute";
    public const string HiddenLayersAttribute = "HyperTune.HiddenLayersAttribute";
    public const string HiddenUnitsAttribute = "HyperTune.HiddenUnitsAttribute";
    public const string OptimizerAttribute = "HyperTune.OptimizerAttribute";
    public const string MomentumAttribute = "HyperTune.MomentumAttribute";
    public const string WeightDecayAttribute = "HyperTune.WeightDecayAttribute";
    public const string DropoutAttribute = "HyperTune.DropoutAttribute";
    public const string RangeAttribute = "HyperTune.RangeAttribute";
    public const string AdamBeta1Attribute = "HyperTune.AdamBeta1Attribute";
    public const string AdamBeta2Attribute = "HyperTune.AdamBeta2Attribute";
    public const string AdamEpsilonAttribute = "HyperTune.AdamEpsilonAttribute";
    public const string HiddenShrinkAttribute = "HyperTune.HiddenShrinkAttribute";
    public const string ChoiceAttribute = "HyperTune.ChoiceAttribute";
    public const string ActiveWhenAttribute = "HyperTune.ActiveWhenAttribute";

    public const string LearningRateDecayAttribute = "HyperTune.LearningRateDecayAttribute";
    public const string EarlyStoppingAttribute = "HyperTune.EarlyStoppingAttribute";
    public const string ValidationMonitorAttribute = "HyperTune.ValidationMonitorAttribute";
    public const string StopAtStepAttribute = "HyperTune.StopAtStepAttribute";
    public const string StopOnNaNAttribute = "HyperTune.StopOnNaNAttribute";

    public const string Scale = "HyperTune.Scale";
    public const string OptimizerKind = "HyperTune.OptimizerKind";
    public const string DecayKind = "HyperTune.DecayKind";
    public const string MonitorMode = "HyperTune.MonitorMode";
    public const string InputScaling = "HyperTune.InputScaling";
    public const string Activation = "HyperTune.Activation";

    /// <summary>The attributes that declare a dimension of a search space, one per property.</summary>
    public static readonly string[] DimensionAttributes =
    {
        LearningRateAttribute, BatchSizeAttribute, EpochsAttribute, HiddenLayersAttribute,
        HiddenUnitsAttribute, OptimizerAttribute, MomentumAttribute, WeightDecayAttribute,
        DropoutAttribute, RangeAttribute, ChoiceAttribute, AdamBeta1Attribute, AdamBeta2Attribute,
        AdamEpsilonAttribute, HiddenShrinkAttribute,
    };

    /// <summary>
    /// The attributes that give a property a role in the generated training loop: a config has at
    /// most one property with each (two would leave <c>Train</c> to guess).
    /// </summary>
    public static readonly string[] RoleAttributes =
    {
        LearningRateAttribute, BatchSizeAttribute, EpochsAttribute, HiddenLayersAttribute,
        HiddenUnitsAttribute, OptimizerAttribute, MomentumAttribute, WeightDecayAttribute,
        DropoutAttribute, AdamBeta1Attribute, AdamBeta2Attribute, AdamEpsilonAttribute, HiddenShrinkAttribute,
    };

    /// <summary>The class-level attributes that declare a training policy: a config with any of them trains.</summary>
    public static readonly string[] PolicyAttributes =
    {
        LearningRateDecayAttribute, EarlyStoppingAttribute, ValidationMonitorAttribute, StopAtStepAttribute, StopOnNaNAttribute,
    };

    /// <summary>The name of the nested class the generator emits into a config.</summary>
    public const string SearchSpaceClassName = "SearchSpace";

    /// <summary>The name of the training methods the generator emits into a config.</summary>
    public const string TrainMethodName = "Train";

    /// <summary>The name of the tuning methods the generator emits into a config with a dimension.</summary>
    public const string TuneMethodName = "Tune";

    /// <summary>The number of epochs <c>Train</c> runs at most when a config has neither <c>[Epochs]</c> nor <c>[StopAtStep]</c> (PyTorch Lightning's default).</summary>
    public const int DefaultMaxEpochs = 1000;

    /// <summary>The oldest C# version generated code compiles under.</summary>
    public const int MinimumLanguageVersion = 10;

    /// <summary>The base of every diagnostic's help link; the page is <c>{ID}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/hypertune/hypertune/blob/main/docs/diagnostics/";
}
