using System;
using System.Linq;
using System.Reflection;
using HyperTune.Roslyn;
using Microsoft.CodeAnalysis;

namespace HyperTune.SourceGenerators.Diagnostics;

/// <summary>
/// What the config parser finds that keeps a config (or its <c>Train</c>) from being generated. The
/// parser is shared: the generator skips such a config, and <c>ConfigAnalyzer</c> in
/// HyperTune.Analyzers reports these diagnostics at real source locations, so <c>.editorconfig</c>
/// severities and <c>#pragma warning disable</c> apply. The generator itself reports only
/// <see cref="GeneratorFailure"/>, when its emitter fails. Each has a page under
/// <c>docs/diagnostics/</c> that its help link points to. HT0001–HT0007, HT0009 and HT0020–HT0039
/// are the other analyzers'.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>The category of every generator diagnostic.</summary>
    public const string Category = "HyperTune.SearchSpace";

    public static readonly DiagnosticDescriptor ConfigTypeNotPartial = Create(
        "HT0008",
        "Config type must be partial",
        "'{0}' must be partial: HyperTune generates its search space into it{1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidCondition = Create(
        "HT0010",
        "Invalid [ActiveWhen] condition",
        "[ActiveWhen] on '{0}': {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TypeMismatch = Create(
        "HT0011",
        "Dimension does not match the property's type",
        "[{0}] on '{1}': {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidBounds = Create(
        "HT0012",
        "Invalid range bounds",
        "[{0}] on '{1}': {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NonPositiveLogBound = Create(
        "HT0013",
        "Log-scale range needs positive bounds",
        "[{0}] on '{1}' is on a log scale, but its bound {2} is not positive; use bounds above zero or Scale.Linear",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidCandidates = Create(
        "HT0014",
        "Invalid candidate list",
        "[{0}] on '{1}': {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GeneratedNameCollision = Create(
        "HT0015",
        "Member name collides with generated code",
        "'{0}' declares a member named '{1}', which HyperTune generates for its search space; rename the member",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SeveralDimensionAttributes = Create(
        "HT0016",
        "Several dimension attributes on one property",
        "'{0}' has both [{1}] and [{2}]: a property is one dimension; keep one attribute",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ConfigNotConstructible = Create(
        "HT0017",
        "Config cannot be built by generated code",
        "'{0}' {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedConfigType = Create(
        "HT0018",
        "Unsupported config type",
        "'{0}' cannot have a generated search space: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "HT0019",
        "Search-space generation failed",
        "HyperTune could not generate the search space of '{0}': {1}; please report this, with the config, as a bug",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TrainingNotGenerated = Create(
        "HT0040",
        "Training loop cannot be generated",
        "HyperTune generates no Train method for '{0}': {1}",
        DiagnosticSeverity.Error);

    /// <summary>
    /// Every descriptor of this class, found by reflection so that none can be left out: what
    /// <c>ConfigAnalyzer</c> supports (an analyzer that reports an unsupported ID fails with AD0001).
    /// A property, not a field, so that it sees every field wherever it is declared.
    /// </summary>
    public static DiagnosticDescriptor[] All => typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(static f => (DiagnosticDescriptor)f.GetValue(null))
        .OrderBy(static d => d.Id, StringComparer.Ordinal)
        .ToArray();

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) => new(
        id,
        title,
        message,
        Category,
        severity,
        isEnabledByDefault: true,
        helpLinkUri: KnownNames.HelpLinkBase + id + ".md");
}
