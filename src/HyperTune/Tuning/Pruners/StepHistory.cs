using System.Collections.Generic;

namespace HyperTune.Tuning;

/// <summary>
/// Reads a trial's intermediate values (step → value) the way the pruners need them, without relying
/// on the dictionary's order.
/// </summary>
internal static class StepHistory
{
    /// <summary>The largest reported step and the largest one below it.</summary>
    /// <param name="values">The trial's intermediate values.</param>
    /// <param name="last">The largest step.</param>
    /// <param name="previous">The largest step below <paramref name="last"/>, or <see cref="int.MinValue"/> when there is none.</param>
    /// <returns>Whether the trial reported anything.</returns>
    public static bool TryGetLastTwo(IReadOnlyDictionary<int, double> values, out int last, out int previous)
    {
        last = int.MinValue;
        previous = int.MinValue;
        if (values.Count == 0)
        {
            return false;
        }

        foreach (int step in values.Keys)
        {
            if (step > last)
            {
                previous = last;
                last = step;
            }
            else if (step > previous)
            {
                previous = step;
            }
        }

        return true;
    }

    /// <summary>
    /// The value a trial had when it reached <paramref name="rungStep"/>: the value at its first reported
    /// step at or after it (the rung's own step when reported, as every trial of the built-in objective does).
    /// </summary>
    /// <param name="values">The trial's intermediate values.</param>
    /// <param name="rungStep">The rung's step.</param>
    /// <param name="value">The value.</param>
    /// <returns>Whether the trial reached the rung.</returns>
    public static bool TryGetValueAtOrAfter(IReadOnlyDictionary<int, double> values, long rungStep, out double value)
    {
        if (rungStep <= int.MaxValue && values.TryGetValue((int)rungStep, out value))
        {
            return true;
        }

        int first = int.MaxValue;
        bool found = false;
        value = double.NaN;
        foreach (KeyValuePair<int, double> pair in values)
        {
            if (pair.Key >= rungStep && (!found || pair.Key < first))
            {
                first = pair.Key;
                value = pair.Value;
                found = true;
            }
        }

        return found;
    }
}
