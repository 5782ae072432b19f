using System.Reflection;
using HyperTune.Roslyn;
using HyperTune.SourceGenerators.Diagnostics;
using HyperTune.SourceGenerators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HyperTune.SourceGenerators.Tests.Diagnostics;

/// <summary>Every descriptor has a doc page its help link names, a release-tracking row, and an ID of its own.</summary>
public class DiagnosticCatalogueTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Help_link_names_an_existing_doc_page(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        Assert.Equal(KnownNames.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        string page = Path.Combine(RepositoryPaths.Root(), "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        string text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
        foreach (string section in new[] { "## Why", "## Example", "## Fix", "## Configure" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Release_tracking_lists_the_rule(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        string releases = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "src", "HyperTune.SourceGenerators", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}", releases, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_unique_and_within_the_generator_range()
    {
        var ids = Descriptors().Select(static d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // HT0001-HT0007, HT0009 and HT0020-HT0039 are the analyzers'; HT0040 on are the training loop's.
        var allowed = new[] { "HT0008", "HT0010", "HT0040" }.Concat(Enumerable.Range(11, 9).Select(static n => "HT00" + n)).ToHashSet();
        Assert.All(ids, id => Assert.Contains(id, allowed));
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() => typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(static f => (DiagnosticDescriptor)f.GetValue(null)!);
}
