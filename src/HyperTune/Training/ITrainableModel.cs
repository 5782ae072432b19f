using System;

namespace HyperTune;

/// <summary>
/// A model the generated training loop can train: the built-in dense network, or a user's own.
/// The loop owns everything else (batches, optimiser, schedule, monitors); the model owns its
/// parameters, their gradients and the forward/backward pass over a batch.
/// </summary>
public interface ITrainableModel
{
    /// <summary>Whether the model classifies (softmax outputs) or regresses (linear outputs).</summary>
    TaskKind Task { get; }

    /// <summary>Features a row the model takes.</summary>
    int InputCount { get; }

    /// <summary>Outputs a row: class probabilities, or regression targets.</summary>
    int OutputCount { get; }

    /// <summary>
    /// All trainable parameters as one contiguous span, so an optimiser updates them in one fused
    /// pass and the loop can snapshot and restore them (best weights).
    /// </summary>
    Span<float> Parameters { get; }

    /// <summary>
    /// The gradient of the mean batch loss with respect to <see cref="Parameters"/>, element by
    /// element, as left by the last <see cref="ForwardBackward"/>.
    /// </summary>
    ReadOnlySpan<float> Gradients { get; }

    /// <summary>
    /// Runs the training-mode forward pass (dropout on) and the backward pass over
    /// <paramref name="batch"/>, overwriting <see cref="Gradients"/>.
    /// </summary>
    /// <param name="batch">The batch.</param>
    /// <returns>The mean loss over the batch (cross-entropy, or mean squared error).</returns>
    float ForwardBackward(in MiniBatch batch);

    /// <summary>
    /// Runs the inference forward pass (dropout off) over <paramref name="rows"/> rows.
    /// </summary>
    /// <param name="features">The rows, row-major: rows x <see cref="InputCount"/>.</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="outputs">Receives rows x <see cref="OutputCount"/> values: class probabilities
    /// (classification) or predictions (regression).</param>
    void Predict(ReadOnlySpan<float> features, int rows, Span<float> outputs);
}
