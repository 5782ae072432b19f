using System.Collections.Immutable;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HyperTune.Analyzers.Grid;

/// <summary>
/// HT0007: a call of a config's generated <c>SearchSpace.Grid(pointsPerRange)</c> whose grid holds
/// more points than the configured limit, at the call. The fix offers the largest points per range
/// that fits, when one of at least 2 does.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GridSizeAnalyzer : HyperTuneAnalyzer
{
    private const string GridMethodName = "Grid";
    private const string SearchSpaceTypeName = "SearchSpace";
    private const int DefaultPointsPerRange = 5;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.GridTooLarge);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols) =>
        context.RegisterInvocationsNamed(GridMethodName, (c, invocation) => Analyze(c, invocation, symbols));

    private static void Analyze(SyntaxNodeAnalysisContext context, IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (method.Name != GridMethodName
            || !method.IsStatic
            || method.ContainingType is not { Name: SearchSpaceTypeName, ContainingType: { } config }
            || !symbols.IsConfigType(config)
            || PointsPerRange(invocation) is not { } pointsPerRange
            || pointsPerRange < 1)
        {
            return;
        }

        var limit = HyperTuneOptions.For(context.Options, invocation.Syntax.SyntaxTree).MaxGridPoints;
        var count = GridCounter.Count(config, symbols, pointsPerRange, context.CancellationToken);
        if (count <= limit)
        {
            return;
        }

        string? replacement = null;
        for (var fewer = pointsPerRange - 1; fewer >= 2; fewer--)
        {
            if (GridCounter.Count(config, symbols, fewer, context.CancellationToken) <= limit)
            {
                replacement = Constants.Format(fewer);
                break;
            }
        }

        context.ReportDiagnostic(Report.Create(
            DiagnosticDescriptors.GridTooLarge,
            invocation.Syntax.GetLocation(),
            Report.Properties((DiagnosticProperties.Replacement, replacement)),
            config.Name,
            count == long.MaxValue ? "more than " + Constants.Format(long.MaxValue) : Constants.Format(count),
            Constants.Format(pointsPerRange),
            Constants.Format(limit)));
    }

    /// <summary>The call's points per range: its constant argument, or the parameter's default; <see langword="null"/> when not constant.</summary>
    private static int? PointsPerRange(IInvocationOperation invocation)
    {
        if (invocation.Arguments.Length == 0)
        {
            return DefaultPointsPerRange;
        }

        var argument = invocation.Arguments[0];
        if (argument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return argument.Parameter is { HasExplicitDefaultValue: true, ExplicitDefaultValue: int value } ? value : DefaultPointsPerRange;
        }

        return argument.Value.ConstantValue is { HasValue: true, Value: int constant } ? constant : null;
    }
}
