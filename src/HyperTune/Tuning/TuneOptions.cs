using System;

namespace HyperTune;

/// <summary>
/// How a study runs: how many trials, which sampler and pruner, in which direction, with what seed
/// and parallelism, and where it is stored. Immutable: derive variants with <c>with</c>.
/// </summary>
public sealed record TuneOptions
{
    private readonly int _trials = 100;
    private readonly int _degreeOfParallelism = 1;
    private readonly int? _startupTrials;
    private readonly int _gridPointsPerRange = 5;
    private readonly int _minResource = 1;
    private readonly int? _maxResource;
    private readonly int _reductionFactor = 3;
    private readonly TimeSpan _heartbeatInterval = TimeSpan.FromSeconds(5);
    private readonly TimeSpan _staleTrialTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The study's total of finished trials (complete or pruned), 100 by default. A reopened study runs
    /// only the trials it still lacks; a failed trial is recorded but does not count. A grid study ends
    /// early when its grid is exhausted.
    /// </summary>
    public int Trials
    {
        get => _trials;
        init => _trials = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Trials), value, "A study needs at least one trial.");
    }

    /// <summary>How the next config is chosen; <see cref="SamplerKind.Tpe"/> by default.</summary>
    public SamplerKind Sampler { get; init; } = SamplerKind.Tpe;

    /// <summary>How unpromising trials are stopped early; <see cref="PrunerKind.None"/> by default.</summary>
    public PrunerKind Pruner { get; init; } = PrunerKind.None;

    /// <summary>Whether lower (the default) or higher objective values are better.</summary>
    public Direction Direction { get; init; } = Direction.Minimize;

    /// <summary>
    /// The study's seed. Each trial's random stream (its proposal and <see cref="TrialContext.Seed"/>)
    /// derives from this seed and the trial's number, so a random or grid study proposes the same trials
    /// whatever the degree of parallelism, and every sampler is deterministic at degree 1.
    /// </summary>
    public int Seed { get; init; }

    /// <summary>
    /// How many trials run at once in this process, 1 by default. Running trials are accounted for by
    /// the samplers (constant liar), so parallel trials do not propose the same point.
    /// </summary>
    public int DegreeOfParallelism
    {
        get => _degreeOfParallelism;
        init => _degreeOfParallelism = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(DegreeOfParallelism), value, "A study runs at least one trial at a time.");
    }

    /// <summary>The study's name in its storage; the config type's name when <see langword="null"/>. Reopening a name resumes that study.</summary>
    public string? StudyName { get; init; }

    /// <summary>
    /// Where the study lives: a SQLite file path (<c>study.db</c>) or connection string
    /// (<c>Data Source=study.db</c>); in memory, gone with the process, when <see langword="null"/>.
    /// </summary>
    public string? Storage { get; init; }

    /// <summary>Receives a report whenever a trial finishes (complete, pruned or failed); <see langword="null"/> for none.</summary>
    public IProgress<TuneProgress>? Progress { get; init; }

    /// <summary>
    /// Trials drawn at random before a model-based sampler (TPE, Gaussian process) starts modelling;
    /// 10 when <see langword="null"/>, as Optuna.
    /// </summary>
    public int? StartupTrials
    {
        get => _startupTrials;
        init => _startupTrials = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(StartupTrials), value, "The number of start-up trials cannot be negative.");
    }

    /// <summary>The number of points of each range of the grid sampler, 5 by default (at least 2).</summary>
    public int GridPointsPerRange
    {
        get => _gridPointsPerRange;
        init => _gridPointsPerRange = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(GridPointsPerRange), value, "A grid needs at least 2 points per range.");
    }

    /// <summary>
    /// The smallest budget (steps; epochs for the built-in objective) a trial gets before successive
    /// halving or Hyperband may stop it, 1 by default; also the median pruner's warm-up.
    /// </summary>
    public int MinResource
    {
        get => _minResource;
        init => _minResource = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinResource), value, "The minimum resource is at least 1 step.");
    }

    /// <summary>
    /// The largest budget a trial can use, for Hyperband's brackets; when <see langword="null"/>, the
    /// config's epochs for the built-in objective, else the last step of the first finished trial.
    /// </summary>
    public int? MaxResource
    {
        get => _maxResource;
        init => _maxResource = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxResource), value, "The maximum resource is at least 1 step.");
    }

    /// <summary>The reduction factor η of successive halving and Hyperband, 3 by default (at least 2).</summary>
    public int ReductionFactor
    {
        get => _reductionFactor;
        init => _reductionFactor = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(ReductionFactor), value, "The reduction factor is at least 2.");
    }

    /// <summary>
    /// Starts the named study over, deleting its stored trials, instead of resuming it. Also the way to
    /// accept a search space that changed in a way the stored trials cannot follow.
    /// </summary>
    public bool StartFresh { get; init; }

    /// <summary>How often a worker tells the storage its running trials are alive, 5 seconds by default.</summary>
    public TimeSpan HeartbeatInterval
    {
        get => _heartbeatInterval;
        init => _heartbeatInterval = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(HeartbeatInterval), value, "The heartbeat interval must be positive.");
    }

    /// <summary>
    /// How long a running trial may go without a heartbeat before another worker marks it failed and
    /// retries its point, 60 seconds by default. (A trial whose process is known to be gone on this
    /// machine is failed at once.)
    /// </summary>
    public TimeSpan StaleTrialTimeout
    {
        get => _staleTrialTimeout;
        init => _staleTrialTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(StaleTrialTimeout), value, "The stale-trial timeout must be positive.");
    }

    /// <summary>
    /// The training options of the built-in objective's trials (progress, threads); the seed is each
    /// trial's own. <see langword="null"/>: defaults, one thread a trial when trials run in parallel.
    /// </summary>
    public TrainOptions? Training { get; init; }
}
