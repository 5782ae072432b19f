using HyperTune.Tuning;

namespace HyperTune.Tests.Tuning.Storage;

/// <summary>The storage conformance suite on the in-memory storage (a study without <see cref="TuneOptions.Storage"/>).</summary>
public sealed class InMemoryStudyStorageConformanceTests : StudyStorageConformanceTests
{
    private protected override IStudyStorage CreateStorage() => new InMemoryStudyStorage();
}
