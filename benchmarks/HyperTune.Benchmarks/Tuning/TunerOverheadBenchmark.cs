using BenchmarkDotNet.Attributes;
using HyperTune.Tests.Tuning;
using HyperTune.Tuning;

namespace HyperTune.Benchmarks.Tuning;

/// <summary>
/// One trial's sampler cost (ask + tell, no objective) once a study holds <see cref="Trials"/> − 1
/// finished trials: the marginal cost at that size, which is what grows. The history is built once by
/// the sampler itself; each operation proposes trial number <see cref="Trials"/> − 1 from it and builds
/// the finished record a tell would store (the history is left as it was).
/// Run: <c>dotnet run -c Release -- --filter "*TunerOverhead*" --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class TunerOverheadBenchmark
{
    private UnitSpace _space = null!;
    private List<TrialRecord> _history = null!;
    private ISampler _sampler = null!;
    private TunerProblem _problem = null!;

    [Params("Branin", "Hartmann6")]
    public string Problem { get; set; } = "Branin";

    [Params("Random", "TPE", "TPE-univariate")]
    public string Sampler { get; set; } = "TPE";

    [Params(100, 1000)]
    public int Trials { get; set; } = 100;

    [GlobalSetup]
    public void Setup()
    {
        _problem = TunerProblem.Named(Problem);
        _space = new UnitSpace(_problem.Dimensions);
        _sampler = TunerSamplers.Create(Sampler);
        _history = new List<TrialRecord>(Trials);
        for (int number = 0; number < Trials - 1; number++)
        {
            var context = new SamplerContext(_space, _history, Direction.Minimize, number, TrialSeeds.SamplerRandom(7, number), 10);
            double[] unit = _sampler.Propose(context)!.Unit;
            _space.MarkInactive(unit);
            _history.Add(SamplerHarness.Complete(_space, number, unit, _problem.Function(unit)));
        }
    }

    [Benchmark]
    public object AskTell()
    {
        int number = Trials - 1;
        var context = new SamplerContext(_space, _history, Direction.Minimize, number, TrialSeeds.SamplerRandom(7, number), 10);
        double[] unit = _sampler.Propose(context)!.Unit;
        _space.MarkInactive(unit);
        return SamplerHarness.Complete(_space, number, unit, 0.0);
    }
}
