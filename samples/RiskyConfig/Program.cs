using RiskyConfig;

// Builds (with warnings: that is the point, see README.md) and runs: the analyzers warn, they do not
// stop you. The generated search space is there as for any config.
Console.WriteLine($"RiskyConfig's search space ({RiskyConfig.RiskyConfig.SearchSpace.DimensionCount} dimensions):");
foreach (var dimension in RiskyConfig.RiskyConfig.SearchSpace.Dimensions)
{
    Console.WriteLine($"  {dimension}");
}
