using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Infrastructure;

/// <summary>
/// The skeleton of a rule about the bounds of a <c>(a, b)</c> range attribute: reads both bounds
/// as constants and checks each one in turn, with the other bound beside it (a fix may clamp a
/// bound only when the range stays a range).
/// </summary>
public abstract class RangeBoundAnalyzer : AttributeRuleAnalyzer
{
    /// <summary>Reports on <paramref name="bound"/> when it breaks the rule.</summary>
    private protected abstract void Check(SymbolAnalysisContext context, RangeBound bound);

    private protected sealed override void Analyze(SymbolAnalysisContext context, AttributeArguments arguments)
    {
        // A fixed value ([LearningRate(0.05)]) is checked as a range of one point: no fix clamps it.
        if (Constants.AsDouble(arguments.Constructor("value")) is { } value)
        {
            Check(context, new RangeBound(arguments, "value", value, value));
            return;
        }

        if (Constants.AsDouble(arguments.Constructor("a")) is not { } a
            || Constants.AsDouble(arguments.Constructor("b")) is not { } b)
        {
            return;
        }

        Check(context, new RangeBound(arguments, "a", a, b));
        Check(context, new RangeBound(arguments, "b", b, a));
    }
}
