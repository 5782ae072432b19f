using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HyperTune.SourceGenerators.Tests.Infrastructure;

/// <summary>Builds in-memory compilations against the hermetic .NET 10 reference assemblies and the HyperTune library.</summary>
internal static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static ImmutableArray<MetadataReference> References { get; } =
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Scale).Assembly.Location))
            .ToImmutableArray();

    public static CSharpCompilation Create(params string[] sources) => Create(NullableContextOptions.Enable, sources);

    public static CSharpCompilation Create(NullableContextOptions nullable, params string[] sources) => CSharpCompilation.Create(
        "TestAssembly",
        sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, deterministic: true));
}
