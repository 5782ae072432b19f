using System;
using System.Collections.Generic;
using System.Linq;

namespace HyperTune.Tuning;

/// <summary>
/// Maps a stored study's trials into the space the config declares now. Safe changes (a new
/// candidate, wider bounds, narrower bounds that still hold every stored value, a new dimension,
/// a different scale) keep every trial, re-encoded from its stored values; unsafe ones (a dimension
/// renamed, retyped or removed, a stored value with no place in the new space) are refused with a
/// message that says what changed.
/// </summary>
internal static class SpaceMigration
{
    /// <summary>The trials' points in the new space, or the list of unsafe changes.</summary>
    /// <param name="stored">The space the trials were stored in.</param>
    /// <param name="current">The space now.</param>
    /// <param name="trials">The stored trials.</param>
    /// <param name="defaults">The unit encoding of a default config in the new space (what a new dimension means for old trials).</param>
    /// <param name="units">The new points by trial number, when the change is safe.</param>
    /// <returns>The unsafe changes; empty when the change is safe.</returns>
    public static IReadOnlyList<string> Migrate(StoredSpace stored, UnitSpace current, IReadOnlyList<TrialRecord> trials, ReadOnlySpan<double> defaults, out Dictionary<int, double[]> units)
    {
        var problems = new List<string>();
        var before = stored.Dimensions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dimension in current.Dimensions)
        {
            var now = StoredDimension.From(dimension);
            if (!before.TryGetValue(dimension.Name, out var old))
            {
                added.Add(dimension.Name);
            }
            else if (old.TypeName != now.TypeName || old.Kind != now.Kind)
            {
                problems.Add($"'{dimension.Name}' was a {Describe(old)} and is now a {Describe(now)}.");
            }
        }

        foreach (var old in stored.Dimensions)
        {
            if (!current.Dimensions.Any(d => d.Name == old.Name))
            {
                problems.Add($"'{old.Name}' is no longer a dimension (removed or renamed).");
            }
        }

        units = new Dictionary<int, double[]>();
        if (problems.Count > 0)
        {
            return problems;
        }

        foreach (var trial in trials)
        {
            var unit = new double[current.Count];
            for (int i = 0; i < current.Count; i++)
            {
                var dimension = current.Dimensions[i];
                if (trial.Parameters.TryGetValue(dimension.Name, out string? text))
                {
                    double? coordinate = ParameterText.Encode(dimension, text);
                    if (coordinate is null)
                    {
                        problems.Add($"Trial {trial.Number} has {dimension.Name} = {text}, which the new {dimension} does not hold.");
                        continue;
                    }

                    unit[i] = coordinate.Value;
                }
                else
                {
                    unit[i] = added.Contains(dimension.Name) ? defaults[i] : double.NaN;
                }
            }

            FillParentsThenMarkInactive(current, unit, defaults);
            units[trial.Number] = unit;
        }

        return problems.Distinct().Take(10).ToList();
    }

    private static void FillParentsThenMarkInactive(UnitSpace space, double[] unit, ReadOnlySpan<double> defaults)
    {
        // A dimension that became conditional keeps its value where its (new) parent allows it.
        for (int i = 0; i < space.Count; i++)
        {
            if (double.IsNaN(unit[i]) && space.IsActive(i, unit) && !double.IsNaN(defaults[i]))
            {
                unit[i] = defaults[i];
            }
        }

        space.MarkInactive(unit);
    }

    private static string Describe(StoredDimension dimension) =>
        $"{dimension.Kind.ToString().ToLowerInvariant()} dimension of {dimension.TypeName}";
}
