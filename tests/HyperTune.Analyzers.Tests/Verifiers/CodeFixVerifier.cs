using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HyperTune.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs an analyzer and a code fix: the marked diagnostics must be reported, the fix must produce
/// <c>fixedSource</c> exactly, and the testing library also applies Fix All in document, project
/// and solution scope and requires the same output.
/// </summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyFixAsync(string source, string fixedSource, string? equivalenceKey = null, int? iterations = null) =>
        Create(source, fixedSource, equivalenceKey, iterations).RunAsync();

    /// <summary>The diagnostics are reported, and the fix offers nothing for them.</summary>
    public static Task VerifyNoFixAsync(string source) => Create(source, source, null, null).RunAsync();

    public static Test Create(string source, string fixedSource, string? equivalenceKey, int? iterations)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        if (iterations is { } count)
        {
            test.NumberOfIncrementalIterations = count;
            test.NumberOfFixAllIterations = 1;
        }

        return test;
    }

    internal sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;

            // HT0002 has two messages (at a config, at a call): markup means the rule, whichever message.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            FixedState.AdditionalReferences.AddRange(TestReferences.All);
        }
    }
}
