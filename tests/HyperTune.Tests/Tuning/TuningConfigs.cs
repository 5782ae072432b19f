namespace HyperTune.Tests.Tuning;

/// <summary>A space of every kind: a linear and a log range, an integer range, categories, and a conditional range.</summary>
public partial class MixedConfig
{
    [Range(-5.0, 5.0)] public double X { get; set; }

    [Range(1e-4, 1.0, Scale.Log)] public double Rate { get; set; } = 0.01;

    [Range(1, 12)] public int Count { get; set; } = 3;

    [Choice("a", "b", "c")] public string Kind { get; set; } = "a";

    [Range(0.0, 1.0)][ActiveWhen(nameof(Kind), "b")] public double OnlyForB { get; set; } = 0.5;

    /// <summary>A bowl with its minimum at X = 1, Rate = 0.01, Count = 7, Kind "b", OnlyForB = 0.25.</summary>
    public double Bowl() =>
        ((X - 1) * (X - 1)) + Math.Pow(Math.Log10(Rate) + 2, 2) + (Math.Abs(Count - 7) / 3.0)
        + (Kind == "b" ? 4 * (OnlyForB - 0.25) * (OnlyForB - 0.25) : 1);
}

/// <summary>A small grid: 3 x 2 x (2 + 3 for the conditional) points at 3 points a range.</summary>
public partial class SmallGridConfig
{
    [Range(0.0, 1.0)] public double A { get; set; }

    [Choice(1, 2)] public int B { get; set; } = 1;

    [Choice("p", "q")] public string Mode { get; set; } = "p";

    [Range(10.0, 20.0)][ActiveWhen(nameof(Mode), "q")] public double Q { get; set; } = 15;
}

/// <summary>The first version of a space that changes between runs.</summary>
public partial class SpaceV1
{
    [Range(0.0, 1.0)] public double A { get; set; }

    [Choice(1, 2)] public int B { get; set; } = 1;
}

/// <summary>Safe changes of <see cref="SpaceV1"/>: wider bounds, a new candidate, a new dimension with a default.</summary>
public partial class SpaceV2
{
    [Range(-1.0, 2.0)] public double A { get; set; }

    [Choice(1, 2, 3)] public int B { get; set; } = 1;

    [Range(0.0, 1.0)] public double C { get; set; } = 0.25;
}

/// <summary>An unsafe change of <see cref="SpaceV1"/>: A renamed.</summary>
public partial class SpaceRenamed
{
    [Range(0.0, 1.0)] public double Alpha { get; set; }

    [Choice(1, 2)] public int B { get; set; } = 1;
}

/// <summary>An unsafe change of <see cref="SpaceV1"/>: bounds narrowed past stored values, a candidate dropped.</summary>
public partial class SpaceNarrowed
{
    [Range(0.45, 0.55)] public double A { get; set; } = 0.5;

    // One candidate would make B a fixed setting (issue 10), no longer a dimension.
    [Choice(1, 2)] public int B { get; set; } = 1;
}

/// <summary>The generated loop as the objective: a tiny classifier with a tuned rate.</summary>
public partial class TinyNetConfig
{
    [LearningRate(0.3, 0.001, Scale.Log)] public double LearningRate { get; set; } = 0.05;

    [BatchSize(8, 16)] public int BatchSize { get; set; } = 8;

    [Epochs(6)] public int Epochs { get; set; } = 6;

    [HiddenUnits(4, 16)] public int HiddenUnits { get; set; } = 8;
}
