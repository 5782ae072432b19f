using System;
using System.Collections.Generic;

namespace HyperTune.Tuning;

/// <summary>
/// Every point of the grid once, in the grid's order: the lowest grid index no trial holds yet. A
/// point counts as held by a complete, pruned or running trial, and by one that failed in its
/// objective (it would fail again); an interrupted trial gives its point back. Because the choice is
/// made from the stored trials under the storage's lock, resumed studies and parallel workers, in any
/// process, never run a point twice.
/// </summary>
internal sealed class GridSampler : ISampler
{
    private readonly object _gate = new();
    private readonly IEnumerator<double[]> _points;
    private readonly List<double[]> _seen = new();
    private bool _exhausted;

    /// <summary>Creates a sampler over grid points produced lazily, in the grid's order.</summary>
    /// <param name="points">The grid's points in the unit encoding.</param>
    public GridSampler(IEnumerable<double[]> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        _points = points.GetEnumerator();
    }

    /// <inheritdoc/>
    public SamplerProposal? Propose(SamplerContext context)
    {
        var held = new HashSet<int>();
        foreach (var trial in context.Trials)
        {
            if (trial.GridIndex is int index && !(trial.State == TrialState.Failed && trial.Interrupted))
            {
                held.Add(index);
            }
        }

        for (int index = 0; ; index++)
        {
            if (held.Contains(index))
            {
                continue;
            }

            double[]? point = Point(index);
            return point is null ? null : new SamplerProposal((double[])point.Clone(), index);
        }
    }

    private double[]? Point(int index)
    {
        lock (_gate)
        {
            while (_seen.Count <= index && !_exhausted)
            {
                if (_points.MoveNext())
                {
                    _seen.Add(_points.Current);
                }
                else
                {
                    _exhausted = true;
                }
            }

            return index < _seen.Count ? _seen[index] : null;
        }
    }
}
