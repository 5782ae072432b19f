using HyperTune.Tuning;

namespace HyperTune.Benchmarks.Tuning;

/// <summary>The samplers the tuner suite compares, by name.</summary>
internal static class TunerSamplers
{
    /// <summary>The samplers measured by default: random search, TPE as shipped, its univariate form, and the GP once it exists.</summary>
    public static IReadOnlyList<string> Default { get; } = AvailableNames(["Random", "TPE", "TPE-univariate", "GP"]);

    /// <summary>Creates a sampler by name.</summary>
    /// <param name="name">Random, TPE (the default settings), TPE-univariate, TPE-no-liar, or GP.</param>
    /// <returns>A new sampler.</returns>
    public static ISampler Create(string name) => name switch
    {
        "Random" => new RandomSampler(),
        "TPE" => new TpeSampler(),
        "TPE-univariate" => new TpeSampler(multivariate: false),
        "TPE-no-liar" => new TpeSampler(constantLiar: false),
        "GP" => CreateGaussianProcess() ?? throw new InvalidOperationException("GaussianProcessSampler has not landed on this branch yet."),
        _ when name.StartsWith("TPE-c", StringComparison.Ordinal) => new TpeSampler(candidates: int.Parse(name[5..], System.Globalization.CultureInfo.InvariantCulture)),
        _ when name.StartsWith("TPE-univariate-c", StringComparison.Ordinal) => new TpeSampler(multivariate: false, candidates: int.Parse(name[16..], System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Known samplers: Random, TPE, TPE-univariate, TPE-no-liar, TPE-c<candidates>, TPE-univariate-c<candidates>, GP."),
    };

    /// <summary>
    /// The Gaussian-process sampler is written on another branch; it is picked up by name when it is in
    /// the library (<c>HyperTune.Tuning.GaussianProcessSampler</c> with a parameterless constructor), so
    /// this suite needs no change when it lands.
    /// </summary>
    private static ISampler? CreateGaussianProcess()
    {
        var type = typeof(ISampler).Assembly.GetType("HyperTune.Tuning.GaussianProcessSampler");
        return type is null ? null : (ISampler?)Activator.CreateInstance(type, nonPublic: true);
    }

    private static string[] AvailableNames(string[] names) =>
        names.Where(name => name != "GP" || CreateGaussianProcess() is not null).ToArray();
}
