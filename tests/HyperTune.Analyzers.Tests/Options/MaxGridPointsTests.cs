using System.Collections.Immutable;
using System.Globalization;
using HyperTune.Analyzers.Grid;
using HyperTune.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Tests.Options;

/// <summary>
/// HT0007's limit from the MSBuild property <c>HyperTuneMaxGridPoints</c> (as the build passes it:
/// <c>build_property.HyperTuneMaxGridPoints</c> in a global config), and its precedence: a file's
/// <c>hypertune.max_grid_points</c> overrides the project's property, which overrides 10,000.
/// </summary>
public class MaxGridPointsTests
{
    // 11^3 = 1331 points, 13^3 = 2197, 22^3 = 10648: three ranges.
    private const string Calls = """
        using System.Collections.Generic;
        using HyperTune;
        public partial class Config
        {
            [LearningRate(0.1, 0.0001, Scale.Log)] public double A { get; set; }
            [Momentum(0.5, 0.99)] public double B { get; set; }
            [Dropout(0.0, 0.5)] public double C { get; set; }

            public static class SearchSpace
            {
                public static IEnumerable<Config> Grid(int pointsPerRange = 5) => new Config[0];
            }
        }
        public static class Tuning
        {
            public static void Run()
            {
                Config.SearchSpace.Grid(10);
                Config.SearchSpace.Grid(11);
                Config.SearchSpace.Grid(13);
                Config.SearchSpace.Grid(22);
            }
        }
        """;

    [Fact]
    public Task The_project_property_sets_the_limit() => Run(project: "1000", editorConfig: null, limit: 1000, flagged: [11, 13, 22]);

    [Fact]
    public Task A_files_editorconfig_key_overrides_the_project_property() =>
        Run(project: "1000", editorConfig: "hypertune.max_grid_points = 2000", limit: 2000, flagged: [13, 22]);

    [Fact]
    public Task The_editorconfig_key_alone_still_works() => Run(project: null, editorConfig: "hypertune.max_grid_points = 2000", limit: 2000, flagged: [13, 22]);

    [Fact]
    public Task A_malformed_project_property_falls_back_to_10000() => Run(project: "lots", editorConfig: null, limit: 10000, flagged: [22]);

    [Fact]
    public Task An_empty_project_property_is_unset() => Run(project: string.Empty, editorConfig: null, limit: 10000, flagged: [22]);

    /// <summary>
    /// Runs HT0007 with the options the command-line compiler builds: one <see cref="AnalyzerConfigSet"/>
    /// from the project's global config (where MSBuild writes <c>build_property.*</c> for each
    /// <c>CompilerVisibleProperty</c>) and the <c>.editorconfig</c>.
    /// </summary>
    private static async Task Run(string? project, string? editorConfig, long limit, int[] flagged)
    {
        const string path = "/src/Tuning.cs";
        var configs = new List<AnalyzerConfig>
        {
            AnalyzerConfig.Parse(
                "is_global = true\n" + (project is null ? string.Empty : "build_property.HyperTuneMaxGridPoints = " + project + "\n"),
                "/obj/Tuning.GeneratedMSBuildEditorConfig.editorconfig"),
        };
        if (editorConfig is not null)
        {
            configs.Add(AnalyzerConfig.Parse("root = true\n\n[*.cs]\n" + editorConfig + "\n", "/.editorconfig"));
        }

        var set = AnalyzerConfigSet.Create(configs);
        var tree = CSharpSyntaxTree.ParseText(Calls, path: path);
        var compilation = CSharpCompilation.Create("Tuning", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new SetOptions(set, path));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new GridSizeAnalyzer()), options).GetAnalyzerDiagnosticsAsync();

        var expected = flagged.Select(points => $"{points}:{Math.Pow(points, 3).ToString(CultureInfo.InvariantCulture)}:{limit.ToString(CultureInfo.InvariantCulture)}");
        var actual = diagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)).Select(Summary);
        Assert.Equal(expected, actual);
    }

    /// <summary>"points:count:limit" of an HT0007 message.</summary>
    private static string Summary(string message)
    {
        var numbers = System.Text.RegularExpressions.Regex.Matches(message, "[0-9]+").Select(static m => m.Value).ToList();
        return $"{numbers[1]}:{numbers[0]}:{numbers[2]}";
    }

    /// <summary>What the compiler serves analyzers from an <see cref="AnalyzerConfigSet"/>: per file, and the global section.</summary>
    private sealed class SetOptions(AnalyzerConfigSet set, string path) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(set.GlobalConfigOptions.AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(set.GetOptionsForSourcePath(path).AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
