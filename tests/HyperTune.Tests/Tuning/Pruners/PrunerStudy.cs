using HyperTune.Tuning;

namespace HyperTune.Tests.Tuning.Pruners;

/// <summary>
/// A study as a pruner sees it, driven by hand: trials start, report steps (each report asks the
/// pruner, as the runner does) and finish. Records are rebuilt on every change, as a storage hands them out.
/// </summary>
internal sealed class PrunerStudy
{
    private readonly IPruner _pruner;
    private readonly List<TrialRecord> _trials = [];
    private readonly List<Dictionary<int, double>> _values = [];

    public PrunerStudy(IPruner pruner, Direction direction = Direction.Minimize, int? maxResource = null, string name = "study")
    {
        _pruner = pruner;
        Direction = direction;
        MaxResource = maxResource;
        Name = name;
    }

    public Direction Direction { get; }

    public int? MaxResource { get; set; }

    public string Name { get; }

    public IReadOnlyList<TrialRecord> Trials => _trials;

    /// <summary>Starts a running trial in the bracket the pruner assigns (or the one given) and returns its number.</summary>
    public int Start(int? bracket = null)
    {
        int number = _trials.Count;
        var values = new Dictionary<int, double>();
        _values.Add(values);
        _trials.Add(new TrialRecord(
            number, TrialState.Running, [], new Dictionary<string, string>(), null, values, DateTimeOffset.UnixEpoch, null,
            TrialSeeds.ForTrial(0, number), null, null, bracket ?? _pruner.AssignBracket(Name, number, 0), null, false, "test"));
        return number;
    }

    /// <summary>Records a step's value and returns the pruner's decision on it.</summary>
    public bool Report(int number, int step, double value)
    {
        Assert.Equal(TrialState.Running, _trials[number].State);
        _values[number][step] = value;
        _trials[number] = _trials[number] with { IntermediateValues = _values[number] };
        return _pruner.ShouldPrune(new PrunerContext(_trials[number], step, _trials, Direction, MaxResource));
    }

    /// <summary>Finishes a trial: complete or pruned with its last value, failed without one.</summary>
    public void Finish(int number, TrialState state)
    {
        double? value = state == TrialState.Failed || _values[number].Count == 0 ? null : _values[number][_values[number].Keys.Max()];
        _trials[number] = _trials[number] with { State = state, Value = value, CompletedAt = DateTimeOffset.UnixEpoch };
    }

    /// <summary>Adds a finished trial that reported <paramref name="values"/> at steps 1, 2, 3…, without asking the pruner.</summary>
    public int Add(TrialState state, params double[] values)
    {
        int number = Start();
        for (int i = 0; i < values.Length; i++)
        {
            _values[number][i + 1] = values[i];
        }

        Finish(number, state);
        return number;
    }

    /// <summary>Reports <paramref name="values"/> at steps 1, 2, 3… and returns the decisions, stopping at the first prune.</summary>
    public bool[] Run(int number, params double[] values)
    {
        var decisions = new List<bool>();
        for (int i = 0; i < values.Length; i++)
        {
            bool prune = Report(number, i + 1, values[i]);
            decisions.Add(prune);
            if (prune)
            {
                break;
            }
        }

        return [.. decisions];
    }
}
