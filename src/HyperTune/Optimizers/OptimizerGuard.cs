using System;

namespace HyperTune.Optimizers;

/// <summary>The argument checks every optimiser shares, with messages that name the value.</summary>
internal static class OptimizerGuard
{
    public static int ParameterCount(int parameterCount) => parameterCount >= 0
        ? parameterCount
        : throw new ArgumentOutOfRangeException(nameof(parameterCount), parameterCount, "The parameter count cannot be negative.");

    public static float NonNegative(double value, string name) => value >= 0 && double.IsFinite(value)
        ? (float)value
        : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite value of at least 0.");

    public static float Positive(double value, string name) => value > 0 && double.IsFinite(value)
        ? (float)value
        : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite value above 0.");

    public static float Fraction(double value, string name) => value >= 0 && value < 1
        ? (float)value
        : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1).");

    public static void Spans(int parameters, int gradients, int state)
    {
        if (parameters != gradients)
            throw new ArgumentException($"There are {parameters} parameters but {gradients} gradients.", "gradients");
        if (state >= 0 && parameters != state)
            throw new ArgumentException($"The optimiser was built for {state} parameters, not {parameters}.", "parameters");
    }
}
