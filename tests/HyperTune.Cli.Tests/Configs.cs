namespace HyperTune.Cli.Tests;

/// <summary>A small space of every kind: a log range, an integer range, categories and a conditional range.</summary>
public partial class CliConfig
{
    [Range(1e-4, 1.0, Scale.Log)] public double Rate { get; set; } = 0.01;

    [Range(1, 8)] public int Units { get; set; } = 2;

    [Choice("sgd", "adam")] public string Optimizer { get; set; } = "sgd";

    [Range(0.0, 0.99)][ActiveWhen(nameof(Optimizer), "sgd")] public double Momentum { get; set; } = 0.9;
}

/// <summary>Four continuous parameters for the importance tests: one drives the objective, the rest are noise.</summary>
public partial class FourConfig
{
    [Range(0.0, 1.0)] public double A { get; set; }

    [Range(0.0, 1.0)] public double B { get; set; }

    [Range(1e-3, 1.0, Scale.Log)] public double C { get; set; } = 0.1;

    [Choice("x", "y", "z")] public string D { get; set; } = "x";
}
