using System.Collections.Immutable;
using System.Threading;
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

    private static void Analyze(SemanticModelAnalysisContext context, IInvocationOperation invocation, KnownSymbols symbols)
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

        var fewer = LargestFittingPointsPerRange(config, symbols, pointsPerRange - 1, limit, context.CancellationToken);
        var replacement = fewer is { } points ? Constants.Format(points) : null;

        context.ReportDiagnostic(Report.Create(
            DiagnosticDescriptors.GridTooLarge,
            invocation.Syntax.GetLocation(),
            Report.Properties((DiagnosticProperties.Replacement, replacement)),
            config.Name,
            count == long.MaxValue ? "more than " + Constants.Format(long.MaxValue) : Constants.Format(count),
            Constants.Format(pointsPerRange),
            Constants.Format(limit)));
    }

    /// <summary>
    /// The largest points per range in [2, <paramref name="below"/>] whose grid fits the limit, or
    /// <see langword="null"/>. The count never falls as points are added, so a binary search finds it
    /// in a few counts even for <c>Grid(int.MaxValue)</c>.
    /// </summary>
    private static int? LargestFittingPointsPerRange(INamedTypeSymbol config, KnownSymbols symbols, int below, long limit, CancellationToken cancellationToken)
    {
        int? best = null;
        var low = 2;
        var high = below;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (GridCounter.Count(config, symbols, middle, cancellationToken) <= limit)
            {
                best = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return best;
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
