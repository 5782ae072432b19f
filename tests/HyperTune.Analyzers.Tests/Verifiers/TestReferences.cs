using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace HyperTune.Analyzers.Tests.Verifiers;

/// <summary>
/// Hermetic references for every compilation under test: the .NET 10 reference assemblies from
/// Basic.Reference.Assemblies (no reference pack is ever downloaded) and the library's net10.0 build.
/// </summary>
internal static class TestReferences
{
    /// <summary>No package to resolve: the framework comes from <see cref="All"/>.</summary>
    public static readonly ReferenceAssemblies None = new ReferenceAssemblies("net10.0").WithAssemblies(ImmutableArray<string>.Empty);

    public static readonly ImmutableArray<MetadataReference> All = ImmutableArray.CreateRange<MetadataReference>(
        Basic.Reference.Assemblies.Net100.References.All)
        .Add(MetadataReference.CreateFromFile(HyperTuneLibraryPath));

    private static string HyperTuneLibraryPath => typeof(HyperTune.Scale).Assembly.Location;
}
