using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Infrastructure;

/// <summary>
/// The shared set-up of every HyperTune analyzer: concurrent, blind to generated code, and active
/// only in compilations that reference the library, with the attribute symbols resolved once.
/// </summary>
public abstract class HyperTuneAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.TryCreate(start.Compilation) is { } symbols)
            {
                OnCompilationStart(start, symbols);
            }
        });
    }

    /// <summary>Registers the analyzer's symbol or operation actions for a compilation that references HyperTune.</summary>
    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols);
}
