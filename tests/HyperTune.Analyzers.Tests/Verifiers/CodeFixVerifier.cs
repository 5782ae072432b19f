using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HyperTune.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs an analyzer and a code fix: the marked diagnostics must be reported, the fix must produce
/// <c>fixedSource</c> exactly, and the testing library also applies Fix All in document, project
/// and solution scope and requires the same output. Then, for every fix of the suite: the fixed
/// source, built with the generator and every HyperTune analyzer, has no HyperTune diagnostic that
/// the source did not have (a fix never trades one warning for another).
/// </summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static async Task VerifyFixAsync(string source, string fixedSource, string? equivalenceKey = null, int? iterations = null)
    {
        await Create(source, fixedSource, equivalenceKey, iterations).RunAsync();
        await AssertNoNewDiagnosticsAsync(source, fixedSource);
    }

    /// <summary>
    /// Per rule, the fixed source has at most as many HyperTune diagnostics as the source: the fix
    /// removed some and raised none (counted per ID, since a fix moves the ones it leaves).
    /// </summary>
    public static async Task AssertNoNewDiagnosticsAsync(string source, string fixedSource)
    {
        var before = (await AllAnalyzers.RunAsync(source)).GroupBy(static d => d.Id).ToDictionary(static g => g.Key, static g => g.Count());
        var after = await AllAnalyzers.RunAsync(fixedSource);
        foreach (var group in after.GroupBy(static d => d.Id))
        {
            int had = before.TryGetValue(group.Key, out int count) ? count : 0;
            Assert.True(
                group.Count() <= had,
                $"The fix raised {group.Key}: {group.Count()} after, {had} before:\n" + string.Join("\n", group.Select(static d => d.ToString())));
        }
    }

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
