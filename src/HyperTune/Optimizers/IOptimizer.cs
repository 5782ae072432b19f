using System;

namespace HyperTune;

/// <summary>
/// One optimiser: a fused, vectorised update of all parameters from their gradients, holding its
/// own state (momentum buffers, squared-gradient averages, Adam's step count) sized for one model.
/// </summary>
/// <remarks>
/// The loop chooses one once per run (<see cref="OptimizerFactory.Create"/>, or a concrete sealed
/// type when the config fixes it) and calls <see cref="Step"/> after every
/// <see cref="ITrainableModel.ForwardBackward"/>. Weight decay lives here, not in the model.
/// </remarks>
public interface IOptimizer
{
    /// <summary>Which update rule this is.</summary>
    OptimizerKind Kind { get; }

    /// <summary>Steps taken since construction or the last <see cref="Reset"/>.</summary>
    long StepCount { get; }

    /// <summary>Updates <paramref name="parameters"/> in place from <paramref name="gradients"/>, in one pass.</summary>
    /// <param name="parameters">All parameters (the model's <see cref="ITrainableModel.Parameters"/>).</param>
    /// <param name="gradients">Their gradients, element by element.</param>
    /// <param name="learningRate">The rate for this step (the schedule's current rate).</param>
    /// <exception cref="ArgumentException">The spans' lengths differ from each other or from the state's.</exception>
    void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate);

    /// <summary>Forgets all state, as if newly constructed (a new run over the same model).</summary>
    void Reset();
}
