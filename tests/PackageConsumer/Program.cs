using HyperTune;

// Runs against the packed HyperTune: the attributes and runtime come from lib/, the search space
// from the generator in analyzers/. Exits non-zero when something a user relies on is missing.
var attribute = new LearningRateAttribute(0.1, 0.00001, Scale.Log);
if (attribute.Min != 0.00001 || attribute.Max != 0.1)
{
    Console.Error.WriteLine("LearningRateAttribute did not sort its bounds.");
    return 1;
}

Console.WriteLine("HyperTune package consumed: attributes and runtime load.");
return 0;
