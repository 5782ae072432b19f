using System;

namespace HyperTune;

/// <summary>
/// Chooses the rows of each part of <see cref="Dataset.Split(double, int)"/>. Classification data is split per
/// class, with the rows for the first part apportioned by largest remainder, so each class's
/// share differs from its exact quota by less than one row and the total is exactly the requested one.
/// </summary>
internal static class DatasetSplitter
{
    /// <summary>Separates the split's draws from a shuffle's with the same seed.</summary>
    private const ulong SplitStream = 1;

    public static (int[] First, int[] Second) Split(Dataset data, double firstFraction, int seed)
    {
        int count = data.Count;
        int firstCount = (int)Math.Round(firstFraction * count, MidpointRounding.AwayFromZero);
        firstCount = Math.Clamp(firstCount, 1, count - 1);
        var random = new ShuffleRandom(seed, SplitStream);

        // Rows grouped by class (one group for regression), each group in row order.
        int groupCount = data.Task == TaskKind.Classification ? data.ClassCount : 1;
        var groupStart = new int[groupCount + 1];
        var rowsByGroup = new int[count];
        ReadOnlySpan<int> labels = data.Labels;
        if (groupCount == 1)
        {
            for (int row = 0; row < count; row++) rowsByGroup[row] = row;
            groupStart[1] = count;
        }
        else
        {
            foreach (int label in labels) groupStart[label + 1]++;
            for (int g = 0; g < groupCount; g++) groupStart[g + 1] += groupStart[g];
            var next = (int[])groupStart.Clone();
            for (int row = 0; row < count; row++) rowsByGroup[next[labels[row]]++] = row;
        }

        int[] taken = Apportion(groupStart, firstCount, count, ref random);

        // Shuffle each group and send its first 'taken' rows to the first part.
        var inFirst = new bool[count];
        for (int g = 0; g < groupCount; g++)
        {
            Span<int> group = rowsByGroup.AsSpan(groupStart[g], groupStart[g + 1] - groupStart[g]);
            random.Shuffle(group);
            foreach (int row in group[..taken[g]]) inFirst[row] = true;
        }

        var first = new int[firstCount];
        var second = new int[count - firstCount];
        int f = 0, s = 0;
        for (int row = 0; row < count; row++)
        {
            if (inFirst[row]) first[f++] = row;
            else second[s++] = row;
        }
        return (first, second);
    }

    /// <summary>
    /// How many rows of each group go to the first part: the floor of each quota, then one more
    /// for the groups with the largest remainders (ties in a seeded random order) until the total
    /// is <paramref name="firstCount"/>.
    /// </summary>
    private static int[] Apportion(int[] groupStart, int firstCount, int count, ref ShuffleRandom random)
    {
        int groupCount = groupStart.Length - 1;
        var taken = new int[groupCount];
        var remainders = new double[groupCount];
        int assigned = 0;
        for (int g = 0; g < groupCount; g++)
        {
            int size = groupStart[g + 1] - groupStart[g];
            // Exact integer quota arithmetic: floor(size * firstCount / count) and its remainder.
            long numerator = (long)size * firstCount;
            taken[g] = (int)(numerator / count);
            remainders[g] = (double)(numerator % count) / count;
            assigned += taken[g];
        }

        var order = new int[groupCount];
        for (int g = 0; g < groupCount; g++) order[g] = g;
        random.Shuffle(order.AsSpan());
        // Stable sort by remainder, largest first: an insertion sort keeps the shuffled tie order.
        for (int i = 1; i < order.Length; i++)
        {
            int g = order[i];
            int j = i - 1;
            while (j >= 0 && remainders[order[j]] < remainders[g])
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = g;
        }
        for (int i = 0; assigned < firstCount; i++)
        {
            taken[order[i]]++;
            assigned++;
        }
        return taken;
    }
}
