using System;
using System.Collections.Generic;

namespace HyperTune.Tuning;

/// <summary>
/// The space cut into groups of coordinates that are active together (Optuna's group decomposition,
/// read off the space's conditions rather than the trials): the unconditional coordinates, then one
/// group per (parent, set of parent categories) of the conditional ones. A group is sampled only
/// when active, and modelled only from the trials in which it was active.
/// </summary>
internal sealed class TpeGroups
{
    private TpeGroups(TpeGroup[] groups) => Groups = groups;

    /// <summary>The groups, unconditional first (the parents of the conditional ones live there).</summary>
    public IReadOnlyList<TpeGroup> Groups { get; }

    /// <summary>Cuts a space into its groups.</summary>
    /// <param name="space">The space.</param>
    /// <returns>The groups, in the order of their first coordinate, the unconditional group first.</returns>
    public static TpeGroups For(UnitSpace space)
    {
        var groups = new List<(int Parent, bool[]? ActiveFor, List<int> Members)>();
        for (int i = 0; i < space.Count; i++)
        {
            var dimension = space[i];
            int found = -1;
            for (int g = 0; g < groups.Count; g++)
            {
                if (groups[g].Parent == dimension.Parent && SameCategories(groups[g].ActiveFor, dimension.ActiveFor))
                {
                    found = g;
                    break;
                }
            }

            if (found < 0)
            {
                groups.Add((dimension.Parent, dimension.ActiveFor, new List<int>()));
                found = groups.Count - 1;
            }

            groups[found].Members.Add(i);
        }

        // Unconditional first: conditional groups read their parent's sampled value.
        groups.Sort((x, y) =>
        {
            int byKind = (x.Parent >= 0).CompareTo(y.Parent >= 0);
            return byKind != 0 ? byKind : x.Members[0].CompareTo(y.Members[0]);
        });
        var result = new TpeGroup[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            var members = new TpeCoordinate[groups[g].Members.Count];
            for (int m = 0; m < members.Length; m++)
            {
                members[m] = new TpeCoordinate(space, groups[g].Members[m]);
            }

            result[g] = new TpeGroup(members, groups[g].Parent);
        }

        return new TpeGroups(result);
    }

    private static bool SameCategories(bool[]? x, bool[]? y)
    {
        if (x is null || y is null)
        {
            return x is null && y is null;
        }

        return x.AsSpan().SequenceEqual(y);
    }
}

/// <summary>Coordinates that are active together.</summary>
/// <param name="Coordinates">The coordinates, in the space's order.</param>
/// <param name="Parent">The categorical coordinate they depend on; -1 for the unconditional group.</param>
internal sealed record TpeGroup(TpeCoordinate[] Coordinates, int Parent)
{
    /// <summary>Whether every coordinate of the group holds a value at a stored point.</summary>
    /// <param name="unit">The point (NaN where inactive).</param>
    /// <returns>Whether the group was active there.</returns>
    public bool IsObservedIn(double[] unit)
    {
        foreach (var coordinate in Coordinates)
        {
            if (coordinate.Index >= unit.Length || double.IsNaN(unit[coordinate.Index]))
            {
                return false;
            }
        }

        return true;
    }
}
