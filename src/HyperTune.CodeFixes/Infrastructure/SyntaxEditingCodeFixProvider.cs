using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace HyperTune.CodeFixes.Infrastructure;

/// <summary>
/// A code fix that edits the document holding the diagnostic. Fix All applies every diagnostic's
/// edit through one <see cref="DocumentEditor"/> per document, so edits inside the same argument
/// list (removing two candidates side by side) compose instead of conflicting over a shared comma,
/// which is where <see cref="WellKnownFixAllProviders.BatchFixer"/> merges text changes wrongly.
/// </summary>
public abstract class SyntaxEditingCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => new EditEveryDiagnostic(this);

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Title(diagnostic, root) is not { } title)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ApplyAsync(document, ImmutableArray.Create(diagnostic), ct), EquivalenceKey(diagnostic)),
                diagnostic);
        }
    }

    /// <summary>The title of the fix for this diagnostic, or <see langword="null"/> when it offers none.</summary>
    private protected abstract string? Title(Diagnostic diagnostic, SyntaxNode root);

    /// <summary>Records the fix of one diagnostic in the editor.</summary>
    private protected abstract void Edit(DocumentEditor editor, Diagnostic diagnostic, SyntaxNode root);

    /// <summary>One key per provider and rule: Fix All groups exactly the diagnostics this action fixes.</summary>
    private protected string EquivalenceKey(Diagnostic diagnostic) => GetType().Name + "." + diagnostic.Id;

    private async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            Edit(editor, diagnostic, root);
        }

        return editor.GetChangedDocument();
    }

    private sealed class EditEveryDiagnostic : DocumentBasedFixAllProvider
    {
        private readonly SyntaxEditingCodeFixProvider _provider;

        public EditEveryDiagnostic(SyntaxEditingCodeFixProvider provider) => _provider = provider;

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var root = await document.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var fixable = diagnostics
                .Where(d => _provider.EquivalenceKey(d) == fixAllContext.CodeActionEquivalenceKey && _provider.Title(d, root) is not null)
                .ToImmutableArray();
            return fixable.IsEmpty ? document : await _provider.ApplyAsync(document, fixable, fixAllContext.CancellationToken).ConfigureAwait(false);
        }
    }
}
