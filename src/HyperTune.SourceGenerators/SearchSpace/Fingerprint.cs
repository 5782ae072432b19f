using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using HyperTune.SourceGenerators.Helpers;
using HyperTune.SourceGenerators.SearchSpace.Model;

namespace HyperTune.SourceGenerators.SearchSpace;

/// <summary>
/// The fingerprint of a search space: the SHA-256 of a canonical description of its dimensions
/// (names, types, kinds, scales, bounds as exact bits, candidates, conditions). It is computed here,
/// at generation time, from text that does not depend on culture, runtime or machine, so a stored
/// study can tell whether the space changed since. <c>[Epochs]</c> is not a dimension and is left out.
/// </summary>
internal static class Fingerprint
{
    private const string Version = "hypertune-search-space/1";

    public static string Compute(DimensionSpec[] dimensions)
    {
        var text = new StringBuilder(Version).Append('\n');
        foreach (var dimension in dimensions)
        {
            text.Append(dimension.Name).Append(';')
                .Append(dimension.Kind.ToString()).Append(';')
                .Append(dimension.TypeOfExpression).Append(';');
            if (dimension.Kind == DimensionKindSpec.Categorical)
            {
                text.Append(string.Join("|", dimension.Candidates.Select(static c => c.Key)));
            }
            else
            {
                text.Append(dimension.IsLog ? "log" : "linear").Append(';')
                    .Append(Literals.DoubleKey(dimension.Min)).Append(';')
                    .Append(Literals.DoubleKey(dimension.Max));
            }

            if (dimension.Condition is { } condition)
            {
                var parent = dimensions[condition.ParentIndex];
                text.Append(";when ").Append(parent.Name).Append('=')
                    .Append(string.Join("|", condition.CandidateIndices.Select(i => parent.Candidates[i].Key)));
            }

            text.Append('\n');
        }

        using var sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
        return string.Concat(hash.Select(static b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
