using BenchmarkDotNet.Running;
using HyperTune.Benchmarks.Tuning;

// The tuner's quality and whole-study overhead reports are plain runs (they measure outcomes and study
// means, as benchmarks/optuna/tuner_peer.py does for Optuna); everything else is BenchmarkDotNet.
switch (args.FirstOrDefault())
{
    case "tuner-quality":
        TunerQualityReport.Run(args[1..]);
        break;
    case "tuner-overhead":
        TunerOverheadReport.Run(args[1..]);
        break;
    case "gp-quality":
        GaussianProcessStudy.Run(args[1..]);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        break;
}
