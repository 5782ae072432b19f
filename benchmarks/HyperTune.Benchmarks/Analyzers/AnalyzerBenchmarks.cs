using System.Collections.Immutable;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Benchmarks.Analyzers;

/// <summary>
/// The analyzers' cost on a project of 500 config types (one file each), measured as the IDE and
/// the command-line compiler see it:
/// <list type="bullet">
/// <item><see cref="CompilerOnly"/> and <see cref="CompilerWithAnalyzers"/>: a cold compilation's
/// diagnostics without and with every HyperTune analyzer; the difference is what the analyzers add
/// to a build.</item>
/// <item><see cref="AnalyzerDiagnosticsOnly"/>: only the analyzers' diagnostics (the driver still binds
/// what its events need: <c>WithAnalyzers</c> works on its own copy of the compilation).</item>
/// <item><see cref="OneEditedDocument"/>: after an edit to one config's batch size, the analyzers
/// over that one document of an otherwise bound project (what the IDE does per keystroke).</item>
/// </list>
/// Run: <c>dotnet run -c Release --project benchmarks/HyperTune.Benchmarks -- --filter *AnalyzerBenchmarks* --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private const int Configs = 500;

    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _warm = null!;
    private CSharpCompilation _edited = null!;
    private SyntaxTree _editedTree = null!;

    /// <summary>
    /// <c>All</c>: every analyzer. <c>DeclarationsOnly</c>: without the two that look at call sites
    /// (<c>Train</c>, <c>Grid</c>): the difference is the price of the call-site rules, which walk
    /// each file's syntax once and bind only the calls they look for.
    /// </summary>
    [Params("All", "DeclarationsOnly")]
    public string Analyzers { get; set; } = "All";

    [GlobalSetup]
    public void Setup()
    {
        _analyzers = typeof(HyperTuneAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Where(t => Analyzers == "All" || (t.Name != "GridSizeAnalyzer" && t.Name != "MissingValidationMonitorAnalyzer"))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = ConfigCorpus.Files(Configs).Select(f => CSharpSyntaxTree.ParseText(f.Source, parseOptions, f.Path)).ToList();
        _compilation = CSharpCompilation.Create(
            "AnalyzerBenchmark",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The benchmark corpus does not compile: " + errors[0]);
        }

        _warm = (CSharpCompilation)_compilation.Clone();
        _ = _warm.GetDiagnostics();

        // One keystroke: config 7's largest batch size edited, the rest of the project unchanged (and bound).
        var original = _warm.SyntaxTrees.Single(t => t.FilePath == "Config7.cs");
        _editedTree = CSharpSyntaxTree.ParseText(ConfigCorpus.Config(7, batchSize: 1024), parseOptions, original.FilePath);
        _edited = _warm.ReplaceSyntaxTree(original, _editedTree);

        var diagnostics = AnalyzerDiagnostics(_warm).GetAwaiter().GetResult();
        Console.WriteLine($"// {Configs} configs, {_analyzers.Length} analyzers, {diagnostics.Length} diagnostics: "
            + string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}")));
        PrintExecutionTimes();
    }

    [Benchmark(Baseline = true)]
    public int CompilerOnly() => _compilation.Clone().GetDiagnostics().Length;

    [Benchmark]
    public async Task<int> CompilerWithAnalyzers() =>
        (await _compilation.Clone().WithAnalyzers(_analyzers, Options()).GetAllDiagnosticsAsync()).Length;

    [Benchmark]
    public async Task<int> AnalyzerDiagnosticsOnly() => (await AnalyzerDiagnostics(_compilation.Clone())).Length;

    [Benchmark]
    public async Task<int> OneEditedDocument()
    {
        var withAnalyzers = _edited.WithAnalyzers(_analyzers, Options());
        var model = _edited.GetSemanticModel(_editedTree);
        var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None);
        return semantic.Length;
    }

    private Task<ImmutableArray<Diagnostic>> AnalyzerDiagnostics(Compilation compilation) =>
        compilation.WithAnalyzers(_analyzers, Options()).GetAnalyzerDiagnosticsAsync();

    private static CompilationWithAnalyzersOptions Options() =>
        new(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true);

    /// <summary>
    /// Per-analyzer execution time from the compiler's own telemetry, on a second run (the first pays
    /// for JIT and is charged the attribute binding that whichever analyzer asks first triggers).
    /// </summary>
    private void PrintExecutionTimes()
    {
        _ = AnalyzerDiagnostics(_compilation.Clone()).GetAwaiter().GetResult();
        var withAnalyzers = _compilation.Clone().WithAnalyzers(_analyzers, Options());
        _ = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        foreach (var analyzer in _analyzers)
        {
            var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine($"// {analyzer.GetType().Name}: {telemetry.ExecutionTime.TotalMilliseconds:F1} ms");
        }
    }

    /// <summary>The running .NET's own assemblies (no reference pack needed) and the HyperTune library.</summary>
    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"));
        return platform.Append(typeof(HyperTune.Scale).Assembly.Location).Distinct().Select(p => MetadataReference.CreateFromFile(p));
    }
}
