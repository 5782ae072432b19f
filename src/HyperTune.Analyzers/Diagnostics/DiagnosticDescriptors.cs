using HyperTune.Roslyn;
using Microsoft.CodeAnalysis;

namespace HyperTune.Analyzers.Diagnostics;

/// <summary>
/// The catalogue of every diagnostic the analyzers report. Each message names the value at fault
/// and the limit it crosses; each help link points at the rule's page under <c>docs/diagnostics/</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor BatchSizeTooLarge = Create(
        DiagnosticIds.BatchSizeTooLarge,
        "Batch size is larger than the configured limit",
        "Batch size {0} is greater than {1}: values greater than {1} need more memory and compute, and often generalise worse",
        DiagnosticCategories.Hyperparameters,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoValidationMonitor = Create(
        DiagnosticIds.NoValidationMonitor,
        "Training without a validation monitor",
        "'{0}' trains but has neither [EarlyStopping] nor [ValidationMonitor]: nothing watches the validation error, so it can overfit for all {1}",
        DiagnosticCategories.TrainingPolicy,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TrainWithoutValidationData = Create(
        DiagnosticIds.NoValidationMonitor,
        "Training without a validation monitor",
        "'{0}' monitors validation with [{1}], but this call passes no validation set: the monitor has nothing to watch",
        DiagnosticCategories.TrainingPolicy,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LearningRateOutOfRange = Create(
        DiagnosticIds.LearningRateOutOfRange,
        "Learning rate bound is outside (0, 1]",
        "Learning-rate bound {0} is outside (0, 1]: {1}",
        DiagnosticCategories.Hyperparameters,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LinearScaleAcrossDecades = Create(
        DiagnosticIds.LinearScaleAcrossDecades,
        "Linear scale across two or more decades",
        "The range {0} to {1} spans {2} decades on a linear scale: {3}% of the samples fall in the top decade; use Scale.Log",
        DiagnosticCategories.SearchSpace,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EarlyStoppingNeverTriggers = Create(
        DiagnosticIds.EarlyStoppingNeverTriggers,
        "Early stopping can never trigger",
        "{0} is {1}, but training ends after {2}: early stopping can never trigger",
        DiagnosticCategories.TrainingPolicy,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TooManyHiddenLayers = Create(
        DiagnosticIds.TooManyHiddenLayers,
        "More than three hidden layers in a dense network",
        "{0} hidden layers is more than {1}: beyond {1} layers a dense network rarely helps and trains slower",
        DiagnosticCategories.Hyperparameters,
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor GridTooLarge = Create(
        DiagnosticIds.GridTooLarge,
        "Grid search is larger than the configured limit",
        "The grid of '{0}' has {1} points at {2} points per range, more than the limit of {3}: sample the space instead, or use fewer points per range",
        DiagnosticCategories.SearchSpace,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PlateauDecayCannotAct = Create(
        DiagnosticIds.PlateauDecayCannotAct,
        "Plateau decay cannot act before early stopping",
        "ReduceOnPlateau cuts the rate after {0} bad epochs, but early stopping stops after {1}: the rate is never reduced",
        DiagnosticCategories.TrainingPolicy,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor BatchSizeOne = Create(
        DiagnosticIds.BatchSizeOne,
        "Batch size of 1 is stochastic gradient descent",
        "Batch size {0} is pure stochastic gradient descent: every step sees one sample, so training is slow (no vectorisation) and noisy",
        DiagnosticCategories.Hyperparameters,
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DecayNeverActs = Create(
        DiagnosticIds.DecayNeverActs,
        "Learning-rate decay lies past the last epoch",
        "{0} is {1}, but training ends after {2} epochs: {3}",
        DiagnosticCategories.TrainingPolicy,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MomentumNotBelowOne = Create(
        DiagnosticIds.MomentumNotBelowOne,
        "Momentum must be below 1",
        "Momentum {0} is not below 1: the velocity never decays, so past gradients are never forgotten and training diverges",
        DiagnosticCategories.Hyperparameters,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateCandidate = Create(
        DiagnosticIds.DuplicateCandidate,
        "Duplicate candidate",
        "Value {0} is listed more than once in [ActiveWhen]: the condition already holds for it, so the repetition only misleads the reader",
        DiagnosticCategories.SearchSpace,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor AdaptiveOptimizerDecayedToNothing = Create(
        DiagnosticIds.AdaptiveOptimizerDecayedToNothing,
        "Adaptive optimiser with a schedule that cuts the rate to nothing",
        "{0} decay multiplies the learning rate by {1} by the last epoch ({2}), below {3}: with the adaptive optimiser {4} the last epochs barely move the weights",
        DiagnosticCategories.TrainingPolicy,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DropoutOutOfRange = Create(
        DiagnosticIds.DropoutOutOfRange,
        "Dropout probability is outside [0, 1)",
        "Dropout {0} is outside [0, 1): {1}",
        DiagnosticCategories.Hyperparameters,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BatchSizeBelowOne = Create(
        DiagnosticIds.BatchSizeBelowOne,
        "Batch size is below 1",
        "Batch size {0} is below 1: a step needs at least one sample, and Train rejects it",
        DiagnosticCategories.Hyperparameters,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateRole = Create(
        DiagnosticIds.DuplicateRole,
        "Two properties play the same training role",
        "'{0}' and '{1}' both have [{2}]: Train uses one property per role; keep the attribute on one of them",
        DiagnosticCategories.Hyperparameters,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        DiagnosticIds.LanguageVersionTooLow,
        "HyperTune needs C# 10 or later",
        "HyperTune generates nothing for '{0}': the project compiles C# {1}, and generated code needs C# 10 or later; set <LangVersion> to 10 or later",
        DiagnosticCategories.SearchSpace,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidPolicy = Create(
        DiagnosticIds.InvalidPolicy,
        "Invalid training policy value",
        "[{0}] {1} is {2}, but {3}",
        DiagnosticCategories.TrainingPolicy,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DefaultEpochBound = Create(
        DiagnosticIds.DefaultEpochBound,
        "Training runs to the default bound",
        "'{0}' trains but has neither [Epochs] nor [StopAtStep]: Train runs at most {1} epochs; add an [Epochs] property to choose",
        DiagnosticCategories.TrainingPolicy,
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ConfigNameClash = Create(
        DiagnosticIds.ConfigNameClash,
        "Config type is named like a generated member",
        "A config cannot be named '{0}': HyperTune generates a member of that name into it, and a member cannot have its type's name; rename the type",
        DiagnosticCategories.SearchSpace,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SettingOutOfRange = Create(
        DiagnosticIds.SettingOutOfRange,
        "Optimiser or network setting outside its range",
        "[{0}] value {1} is outside {2}: {3}",
        DiagnosticCategories.Hyperparameters,
        DiagnosticSeverity.Error);

    /// <summary>Every descriptor of the catalogue (for tests and for the release-tracking check).</summary>
    public static readonly DiagnosticDescriptor[] All =
    {
        BatchSizeTooLarge, NoValidationMonitor, TrainWithoutValidationData, LearningRateOutOfRange,
        LinearScaleAcrossDecades, EarlyStoppingNeverTriggers, TooManyHiddenLayers, GridTooLarge,
        PlateauDecayCannotAct, BatchSizeOne, DecayNeverActs, MomentumNotBelowOne, DuplicateCandidate,
        AdaptiveOptimizerDecayedToNothing, DropoutOutOfRange, BatchSizeBelowOne, DuplicateRole,
        LanguageVersionTooLow, InvalidPolicy, DefaultEpochBound, ConfigNameClash, SettingOutOfRange,
    };

    /// <summary>The help link of a rule: its page under <c>docs/diagnostics/</c>.</summary>
    public static string HelpLink(string id) => KnownNames.HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description: null, helpLinkUri: HelpLink(id));
}
