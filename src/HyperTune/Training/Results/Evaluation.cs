namespace HyperTune;

/// <summary>How well a model does on a dataset.</summary>
/// <param name="Loss">The mean loss over the rows: cross-entropy of the predicted probabilities
/// (each clamped to at least <see cref="ModelEvaluator.MinProbability"/>) for classification, mean
/// squared error over every target for regression.</param>
/// <param name="Accuracy">The share of rows whose most probable class is the label; null for regression.</param>
public readonly record struct Evaluation(double Loss, double? Accuracy);
