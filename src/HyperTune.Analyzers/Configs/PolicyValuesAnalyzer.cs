using System;
using System.Collections.Immutable;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Configs;

/// <summary>
/// HT0029: a training policy whose values cannot run: the checks the runtime makes when
/// <c>Train</c> starts (<c>EarlyStoppingMonitor</c>, <c>LearningRateSchedule.Create</c>,
/// <c>ValidationMonitorState</c>), made at compile time at the argument at fault. A decay is checked
/// only for the parameters its kind reads, as the runtime does.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PolicyValuesAnalyzer : HyperTuneAnalyzer
{
    // The values of HyperTune.DecayKind.
    private const int Step = 1, MultiStep = 2, Exponential = 3, Cosine = 4, LinearWarmup = 5, ReduceOnPlateau = 6;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidPolicy);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols) =>
        context.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.NamedType);

    private static void Analyze(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (Arguments(type, symbols.EarlyStopping, context) is { } earlyStopping)
        {
            var check = new Checker(context, earlyStopping, "EarlyStopping");
            check.Integer("patience", named: false, v => v >= 0, "it must be 0 or more");
            check.Integer("StartFromEpoch", named: true, v => v >= 0, "it must be 0 or more");
            check.Real("MinDelta", v => !double.IsNaN(v) && !double.IsInfinity(v), "it must be finite");
            check.Integer("Mode", named: true, v => v is 0 or 1, "it must be MonitorMode.Min or MonitorMode.Max");
        }

        if (Arguments(type, symbols.ValidationMonitor, context) is { } monitor)
        {
            var check = new Checker(context, monitor, "ValidationMonitor");
            check.Integer("everyNSteps", named: false, v => v >= 0, "it must be 0 or more (0 evaluates at every step)");
            check.Integer("earlyStoppingRounds", named: false, v => v >= 0, "it must be 0 or more");
        }

        if (Arguments(type, symbols.StopAtStep, context) is { } stopAtStep)
        {
            new Checker(context, stopAtStep, "StopAtStep").Integer("step", named: false, v => v >= 1, "training needs at least 1 step");
        }

        if (Arguments(type, symbols.LearningRateDecay, context) is { } decay)
        {
            AnalyzeDecay(new Checker(context, decay, "LearningRateDecay"), Constants.AsInteger(decay.Constructor("kind")));
        }
    }

    private static void AnalyzeDecay(Checker check, long? kind)
    {
        const string positive = "it must be finite and greater than 0";
        const string nonNegative = "it must be finite and 0 or more";
        if (kind is not (>= 0 and <= ReduceOnPlateau))
        {
            check.Integer("kind", named: false, static v => v is >= 0 and <= ReduceOnPlateau, "it is not a DecayKind");
            return;
        }

        switch (kind)
        {
            case Step:
                check.Integer("StepSize", named: true, v => v >= 1, "it must be at least 1");
                check.Real("Gamma", v => v > 0 && !double.IsInfinity(v), positive);
                break;
            case MultiStep:
                check.Milestones();
                check.Real("Gamma", v => v > 0 && !double.IsInfinity(v), positive);
                break;
            case Exponential:
                check.Real("Gamma", v => v > 0 && !double.IsInfinity(v), positive);
                break;
            case Cosine:
                check.Integer("TMax", named: true, v => v >= 1, "it must be at least 1");
                check.Real("MinLearningRate", v => v >= 0 && !double.IsInfinity(v), nonNegative);
                break;
            case LinearWarmup:
                check.Real("StartFactor", v => v > 0 && v <= 1, "it must be greater than 0 and at most 1 (as PyTorch's LinearLR)");
                check.Real("EndFactor", v => v >= 0 && v <= 1, "it must be between 0 and 1 (as PyTorch's LinearLR)");
                check.Integer("TotalEpochs", named: true, v => v >= 1, "it must be at least 1");
                break;
            case ReduceOnPlateau:
                check.Real("Factor", v => v >= 0 && v < 1, "it must be at least 0 and less than 1 (PyTorch: \"Factor should be < 1.0.\")");
                check.Integer("Patience", named: true, v => v >= 0, "it must be 0 or more");
                check.Real("Threshold", v => v >= 0 && !double.IsInfinity(v), nonNegative);
                check.Integer("Cooldown", named: true, v => v >= 0, "it must be 0 or more");
                check.Real("MinLearningRate", v => v >= 0 && !double.IsInfinity(v), nonNegative);
                check.Real("Eps", v => v >= 0 && !double.IsInfinity(v), nonNegative);
                check.Integer("Mode", named: true, v => v is 0 or 1, "it must be MonitorMode.Min or MonitorMode.Max");
                check.Integer("ThresholdMode", named: true, v => v is 0 or 1, "it must be ThresholdMode.Relative or ThresholdMode.Absolute");
                break;
        }
    }

    /// <summary>The attribute's arguments when it is written on this type in source and the compiler could bind it.</summary>
    private static AttributeArguments? Arguments(INamedTypeSymbol type, INamedTypeSymbol? attributeType, SymbolAnalysisContext context)
    {
        if (KnownSymbols.Find(type, attributeType) is not { AttributeConstructor: not null } attribute)
        {
            return null;
        }

        var arguments = AttributeArguments.For(attribute, context.CancellationToken);
        return arguments.Syntax is null ? null : arguments;
    }

    /// <summary>Checks the arguments of one attribute, reporting each value the runtime would reject at its expression.</summary>
    private sealed class Checker
    {
        private readonly SymbolAnalysisContext _context;
        private readonly AttributeArguments _arguments;
        private readonly string _attribute;

        public Checker(SymbolAnalysisContext context, AttributeArguments arguments, string attribute)
        {
            _context = context;
            _arguments = arguments;
            _attribute = attribute;
        }

        public void Integer(string name, bool named, Func<long, bool> valid, string requirement)
        {
            var constant = named ? _arguments.Named(name) : _arguments.Constructor(name);
            if (constant is { Kind: not TypedConstantKind.Error } && Constants.AsInteger(constant) is { } value && !valid(value))
            {
                Report(name, named, Constants.Format(value), requirement);
            }
        }

        public void Real(string name, Func<double, bool> valid, string requirement)
        {
            if (_arguments.Named(name) is { Kind: not TypedConstantKind.Error } constant && Constants.AsDouble(constant) is { } value && !valid(value))
            {
                Report(name, named: true, Constants.Format(value), requirement);
            }
        }

        public void Milestones()
        {
            if (_arguments.Named("Milestones") is not { Kind: TypedConstantKind.Array } milestones)
            {
                return;
            }

            if (milestones.IsNull)
            {
                Report("Milestones", named: true, "null", "it must list the epochs at which the rate drops (or be left out)");
                return;
            }

            foreach (var milestone in milestones.Values)
            {
                if (Constants.AsInteger(milestone) is { } epoch && epoch < 0)
                {
                    Report("Milestones", named: true, Constants.Format(epoch), "every milestone must be an epoch, 0 or more");
                    return;
                }
            }
        }

        private void Report(string name, bool named, string value, string requirement)
        {
            ExpressionSyntax? expression = named ? _arguments.NamedExpression(name) : _arguments.ConstructorExpression(name);
            string display = char.ToUpperInvariant(name[0]) + name.Substring(1);
            _context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InvalidPolicy, _arguments.LocationOf(expression), _attribute, display, value, requirement));
        }
    }
}
