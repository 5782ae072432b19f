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

    /// <summary>The attributes that declare a dimension of a search space, one per property.</summary>
    public static readonly string[] DimensionAttributes =
    {
        LearningRateAttribute, BatchSizeAttribute, EpochsAttribute, HiddenLayersAttribute,
        HiddenUnitsAttribute, OptimizerAttribute, MomentumAttribute, WeightDecayAttribute,
        DropoutAttribute, RangeAttribute, ChoiceAttribute,
    };

    /// <summary>The base of every diagnostic's help link; the page is <c>{ID}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/hypertune/hypertune/blob/main/docs/diagnostics/";
}
