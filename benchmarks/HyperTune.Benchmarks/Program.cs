using BenchmarkDotNet.Running;

if (args is ["gp-quality", .. var rest])
{
    HyperTune.Benchmarks.Tuning.GaussianProcessStudy.Run(rest);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
