using HyperTune.Tests.Tuning;

namespace HyperTune.Benchmarks.Tuning;

/// <summary>A test function with its space and the trials the quality suite gives it.</summary>
/// <param name="Name">Branin or Hartmann6.</param>
/// <param name="Dimensions">Its space.</param>
/// <param name="Function">Its value at a point of the unit encoding.</param>
/// <param name="Trials">The study's length in the quality suite.</param>
/// <param name="Optimum">The global minimum.</param>
internal sealed record TunerProblem(string Name, IReadOnlyList<Dimension> Dimensions, SamplerHarness.UnitFunction Function, int Trials, double Optimum)
{
    /// <summary>Branin (50 trials) and Hartmann-6 (100 trials), as the issue sets them.</summary>
    public static IReadOnlyList<TunerProblem> All { get; } =
    [
        new("Branin", TestFunctions.BraninSpace, TestFunctions.Branin, 50, TestFunctions.BraninOptimum),
        new("Hartmann6", TestFunctions.Hartmann6Space, TestFunctions.Hartmann6, 100, TestFunctions.Hartmann6Optimum),
    ];

    /// <summary>A problem by name.</summary>
    public static TunerProblem Named(string name) =>
        All.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, "Known problems: Branin, Hartmann6.");
}
