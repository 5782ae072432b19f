using System.Reflection;
using System.Text.RegularExpressions;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using HyperTune.Roslyn;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ConfigDescriptors = HyperTune.SourceGenerators.Diagnostics.DiagnosticDescriptors;

namespace HyperTune.Analyzers.Tests.Catalogue;

/// <summary>Every rule is documented, tracked and reachable, and every fix is well-formed.</summary>
public class CatalogueTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    /// <summary>Every descriptor this assembly reports: its own rules and ConfigAnalyzer's (the generator's parser).</summary>
    private static readonly DiagnosticDescriptor[] Everything = DiagnosticDescriptors.All.Concat(ConfigDescriptors.All).ToArray();

    public static TheoryData<string> Ids() => new(Everything.Select(d => d.Id).Distinct());

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_help_link_resolves_to_an_existing_doc_page(string id)
    {
        foreach (var descriptor in Everything.Where(d => d.Id == id))
        {
            Assert.StartsWith(KnownNames.HelpLinkBase, descriptor.HelpLinkUri);
            Assert.Equal(KnownNames.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
            var page = Path.Combine(RepoRoot, "docs", "diagnostics", descriptor.HelpLinkUri.Substring(KnownNames.HelpLinkBase.Length));
            Assert.True(File.Exists(page), $"{id}: no page at {page}");
            var text = File.ReadAllText(page);
            Assert.StartsWith("# " + id, text);
            foreach (var section in new[] { "## Why", "## Example", "## Fix", "## Configure" })
            {
                Assert.Contains(section, text);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_has_one_release_row_with_its_category_and_severity(string id)
    {
        var releases = File.ReadAllText(Path.Combine(RepoRoot, "src", "HyperTune.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var rows = Regex.Matches(releases, "^" + id + @"\s*\|\s*(?<category>[^|]+?)\s*\|\s*(?<severity>[^|]+?)\s*\|", RegexOptions.Multiline);
        var row = Assert.Single(rows);
        foreach (var descriptor in Everything.Where(d => d.Id == id))
        {
            Assert.Equal(descriptor.Category, row.Groups["category"].Value);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Groups["severity"].Value);
        }
    }

    [Fact]
    public void Ids_are_ours_and_every_descriptor_is_reported_by_an_analyzer()
    {
        var analyzers = AnalyzerTypes().Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToList();
        Assert.Equal(18, analyzers.Count);
        var supported = analyzers.SelectMany(a => a.SupportedDiagnostics).ToHashSet();
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            Assert.Contains(descriptor, supported);
            var number = int.Parse(descriptor.Id.Substring(2));
            Assert.True(number is >= 1 and <= 9 and not 8 or >= 20 and <= 39, $"{descriptor.Id} is not in this assembly's range");
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.Contains("{0}", descriptor.MessageFormat.ToString());
        }

        // ConfigAnalyzer reports the generator's parser's rules: HT0008, HT0010-HT0019, HT0040.
        foreach (var descriptor in ConfigDescriptors.All)
        {
            Assert.Contains(descriptor, supported);
            var number = int.Parse(descriptor.Id.Substring(2));
            Assert.True(number is 8 or >= 10 and <= 19 or 40, $"{descriptor.Id} is not in the parser's range");
            Assert.True(descriptor.IsEnabledByDefault);
        }

        Assert.All(supported, d => Assert.Contains(d, Everything));
    }

    [Fact]
    public void Analyzers_are_sealed_and_code_fixes_are_sealed_exported_and_fix_all_capable()
    {
        Assert.All(AnalyzerTypes(), t => Assert.True(t.IsSealed, t.Name));
        var fixes = typeof(CodeFixes.Fixes.MakePartialCodeFixProvider).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.Equal(6, fixes.Count);
        foreach (var type in fixes)
        {
            Assert.True(type.IsSealed, type.Name);
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Contains("C#", export!.Languages);
            Assert.NotNull(type.GetCustomAttribute<System.Composition.SharedAttribute>());
            var fix = (CodeFixProvider)Activator.CreateInstance(type)!;
            Assert.NotNull(fix.GetFixAllProvider());
            Assert.NotEmpty(fix.FixableDiagnosticIds);
        }
    }

    private static IEnumerable<Type> AnalyzerTypes() =>
        typeof(HyperTuneAnalyzer).Assembly.GetTypes().Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract);

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HyperTune.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (HyperTune.Generators.sln) was not found above " + AppContext.BaseDirectory);
    }
}
