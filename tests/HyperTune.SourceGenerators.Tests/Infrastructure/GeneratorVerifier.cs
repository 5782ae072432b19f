using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace HyperTune.SourceGenerators.Tests.Infrastructure;

/// <summary>
/// The SourceGenerators.Testing verifier, set up hermetically: .NET 10 reference assemblies from
/// Basic.Reference.Assemblies (no package download), the HyperTune library, nullable on, and
/// compiler warnings counted, so generated code must compile warning-free.
/// </summary>
internal sealed class GeneratorVerifier : CSharpSourceGeneratorTest<ConfigGenerator, DefaultVerifier>
{
    public GeneratorVerifier(NullableContextOptions nullable = NullableContextOptions.Enable)
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(TestCompilation.References);
        CompilerDiagnostics = CompilerDiagnostics.Warnings;
        SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(nullable);
            return solution.WithProjectCompilationOptions(projectId, options)
                .WithProjectParseOptions(projectId, TestCompilation.ParseOptions);
        });
    }

    /// <summary>Where SourceGenerators.Testing files a generated source.</summary>
    public static string GeneratedPath(string hintName) =>
        Path.Combine(typeof(ConfigGenerator).Assembly.GetName().Name!, typeof(ConfigGenerator).FullName!, hintName);
}
