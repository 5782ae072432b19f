using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HyperTune.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace HyperTune.CodeFixes.Fixes;

/// <summary>
/// HT0008 (reported by the generator): makes the config type partial, with every one of its
/// declarations and every declaration of its containing types, in whichever documents they are.
/// Keyed on the ID string only, so it works wherever the generator reports it (at the type or at
/// one of its attributes). Fix All collects the declarations of every flagged config first and
/// edits each once, since two configs in one container would otherwise both edit the container.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider)), Shared]
public sealed class MakePartialCodeFixProvider : CodeFixProvider
{
    private const string Title = "Make the type partial";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ConfigTypeNotPartial);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => MakeAllPartial.Instance;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var document = context.Document;
            var span = diagnostic.Location.SourceSpan;
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => MakePartialAsync(document.Project.Solution, new[] { (document, span) }, ct), nameof(MakePartialCodeFixProvider)),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Solution> MakePartialAsync(
        Solution solution, IEnumerable<(Document Document, TextSpan Span)> flagged, CancellationToken cancellationToken)
    {
        // Every declaration of every flagged type and of its containing types, by syntax tree.
        var declarations = new Dictionary<SyntaxTree, HashSet<TextSpan>>();
        foreach (var (document, span) in flagged)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || !root.FullSpan.Contains(span))
            {
                continue;
            }

            var declaration = root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            for (var type = declaration is null ? null : model.GetDeclaredSymbol(declaration, cancellationToken); type is not null; type = type.ContainingType)
            {
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (!declarations.TryGetValue(reference.SyntaxTree, out var spans))
                    {
                        declarations[reference.SyntaxTree] = spans = new HashSet<TextSpan>();
                    }

                    spans.Add(reference.Span);
                }
            }
        }

        foreach (var pair in declarations)
        {
            if (solution.GetDocument(pair.Key) is not { } document
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            var nodes = root.DescendantNodesAndSelf().OfType<TypeDeclarationSyntax>().Where(d => pair.Value.Contains(d.Span));
            var newRoot = root.ReplaceNodes(nodes, (_, rewritten) => WithPartial(rewritten));
            solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot);
        }

        return solution;
    }

    /// <summary>Adds <c>partial</c> where C# requires it: last among the modifiers, right before the type keyword.</summary>
    private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return declaration;
        }

        if (declaration.Modifiers.Count > 0)
        {
            return declaration.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
        }

        var keyword = declaration.Keyword;
        var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        return declaration
            .WithKeyword(keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
            .WithModifiers(SyntaxFactory.TokenList(partial));
    }

    /// <summary>Fix All for HT0008 in a document, project or solution: one pass over every flagged config.</summary>
    private sealed class MakeAllPartial : FixAllProvider
    {
        public static readonly MakeAllPartial Instance = new();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var flagged = new List<(Document, TextSpan)>();
            foreach (var document in Documents(fixAllContext))
            {
                foreach (var diagnostic in await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                {
                    flagged.Add((document, diagnostic.Location.SourceSpan));
                }
            }

            var solution = fixAllContext.Solution;
            return CodeAction.Create(Title, ct => MakePartialAsync(solution, flagged, ct), nameof(MakePartialCodeFixProvider));
        }

        private static IEnumerable<Document> Documents(FixAllContext context) => context.Scope switch
        {
            FixAllScope.Project => context.Project.Documents,
            FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents),
            _ => context.Document is { } document ? new[] { document } : Enumerable.Empty<Document>(),
        };
    }
}
