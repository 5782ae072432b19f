using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HyperTune.Tuning;

namespace HyperTune;

/// <summary>
/// The tuner behind every generated <c>Tune</c>: opens (or resumes) a study, runs trials until it has
/// enough finished ones, in parallel when asked, and records every outcome in the study's storage as
/// it happens. Call it directly for a search space of your own.
/// </summary>
public static class Tuner
{
    private static readonly string s_processTag = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>
    /// Opens a study for ask/tell: creates it in the storage of <paramref name="options"/>, or reopens it
    /// (a changed space is migrated when safe, refused with <see cref="SearchSpaceChangedException"/>
    /// when not). Trials left running by a process that is gone are marked failed and retried.
    /// </summary>
    /// <typeparam name="TConfig">The config type.</typeparam>
    /// <param name="space">The search space (a generated <c>SearchSpace.Definition</c>).</param>
    /// <param name="options">Name, storage, direction, sampler, pruner and seed.</param>
    /// <returns>The study.</returns>
    public static Study<TConfig> OpenStudy<TConfig>(ISearchSpace<TConfig> space, TuneOptions options)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        var study = Open(space, options, StudyStorages.Open(options.Storage));
        study.Engine.Storage.FailStaleTrials(study.Engine.Study.Id, options.StaleTrialTimeout, IsDeadWorker);
        return study;
    }

    /// <summary>
    /// Tunes against an objective until the study has <see cref="TuneOptions.Trials"/> finished trials
    /// (a resumed study runs only those it lacks). A trial whose objective throws or returns a value
    /// that is not finite is recorded failed and the study goes on.
    /// </summary>
    /// <typeparam name="TConfig">The config type.</typeparam>
    /// <param name="space">The search space (a generated <c>SearchSpace.Definition</c>).</param>
    /// <param name="objective">Evaluates a config; report intermediate values through the context to allow pruning.</param>
    /// <param name="options">Trials, sampler, pruner, direction, seed, parallelism, name and storage.</param>
    /// <param name="cancellationToken">Stops the study: running trials are recorded as interrupted (retried on resume), then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>The study.</returns>
    public static async Task<Study<TConfig>> TuneAsync<TConfig>(
        ISearchSpace<TConfig> space,
        Func<TConfig, TrialContext, CancellationToken, ValueTask<double>> objective,
        TuneOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return await RunAsync(Open(space, options, StudyStorages.Open(options.Storage)), objective, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs an opened study (tests open it on a storage of their choosing).</summary>
    internal static async Task<Study<TConfig>> RunAsync<TConfig>(
        Study<TConfig> study,
        Func<TConfig, TrialContext, CancellationToken, ValueTask<double>> objective,
        TuneOptions options,
        CancellationToken cancellationToken)
    {
        var engine = study.Engine;
        engine.Storage.FailStaleTrials(engine.Study.Id, options.StaleTrialTimeout, IsDeadWorker);
        var run = new Run<TConfig>(study, objective, options, engine.Trials.Count(t => t.IsFinished), cancellationToken);

        using (var heartbeat = new Timer(static state => ((Run<TConfig>)state!).Heartbeat(), run, options.HeartbeatInterval, options.HeartbeatInterval))
        {
            var workers = new Task[options.DegreeOfParallelism];
            for (int i = 0; i < workers.Length; i++)
            {
                workers[i] = Task.Run(run.WorkAsync, CancellationToken.None);
            }

            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return study;
    }

    /// <summary>
    /// Tunes with a training loop as the objective (what the generated <c>Tune(train, validation, ...)</c>
    /// calls): each trial trains with the trial's seed, reports every epoch's validation loss to the
    /// pruner and stops when pruned; its value is its best finite validation loss, and a run that never
    /// reached one fails.
    /// </summary>
    /// <typeparam name="TConfig">The config type.</typeparam>
    /// <param name="space">The search space.</param>
    /// <param name="trainer">Trains a config: the generated <c>Train</c>.</param>
    /// <param name="epochs">A config's epoch budget (the maximum resource of successive halving and Hyperband).</param>
    /// <param name="train">The training data.</param>
    /// <param name="validation">The validation data every trial is scored on.</param>
    /// <param name="options">The study's options; the direction must be <see cref="Direction.Minimize"/>.</param>
    /// <param name="cancellationToken">Stops the study.</param>
    /// <returns>The study.</returns>
    public static Task<Study<TConfig>> TuneTrainingAsync<TConfig>(
        ISearchSpace<TConfig> space,
        Func<TConfig, Dataset, Dataset, TrainOptions, CancellationToken, TrainingResult> trainer,
        Func<TConfig, int>? epochs,
        Dataset train,
        Dataset validation,
        TuneOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Direction != Direction.Minimize)
        {
            throw new ArgumentException("The built-in objective is the validation loss, which is minimised: use Direction.Minimize, or an objective of your own to maximise.", nameof(options));
        }

        if (options.MaxResource is null && epochs is not null)
        {
            options = options with { MaxResource = Math.Max(1, epochs(space.CreateDefault())) };
        }

        var trainOptions = options.Training ?? (options.DegreeOfParallelism > 1 ? TrainOptions.Default with { Threads = 1 } : TrainOptions.Default);

        // The trials share one fit and scaled copy of the data (StandardizedData.Fit's cache), held for the whole study.
        IDisposable hold = ScaledDataCache.Hold(train);
        Task<Study<TConfig>> tuning;
        try
        {
            tuning = TuneAsync(
                space,
                (config, trial, token) =>
                {
                    var result = trainer(config, train, validation, trainOptions with { Seed = trial.Seed, Trial = trial }, token);
                    return new ValueTask<double>(TrainingObjective.Value(result, token));
                },
                options,
                cancellationToken);
        }
        catch
        {
            hold.Dispose();
            throw;
        }

        return ReleasingWhenDone(tuning, hold);
    }

    private static async Task<Study<TConfig>> ReleasingWhenDone<TConfig>(Task<Study<TConfig>> tuning, IDisposable hold)
    {
        try
        {
            return await tuning.ConfigureAwait(false);
        }
        finally
        {
            hold.Dispose();
        }
    }

    /// <summary>Opens a study on a storage: checks the direction, migrates a changed space, picks the sampler and pruner.</summary>
    internal static Study<TConfig> Open<TConfig>(ISearchSpace<TConfig> space, TuneOptions options, IStudyStorage storage)
    {
        var unitSpace = new UnitSpace(space.Dimensions);
        if (unitSpace.Count == 0)
        {
            throw new ArgumentException("The search space has no dimension to tune.", nameof(space));
        }

        string name = options.StudyName ?? typeof(TConfig).Name;
        var stored = storage.OpenStudy(name, options.Direction, StoredSpace.From(space.Fingerprint, space.Dimensions), options.StartFresh);
        if (stored.Direction != options.Direction)
        {
            throw new ArgumentException($"Study '{name}' was created to {stored.Direction.ToString().ToLowerInvariant()}, but the options say {options.Direction.ToString().ToLowerInvariant()}.", nameof(options));
        }

        if (stored.Space.Fingerprint != space.Fingerprint)
        {
            var trials = storage.GetTrials(stored.Id);
            var problems = SpaceMigration.Migrate(stored.Space, unitSpace, trials, DefaultUnit(space, unitSpace), out var units);
            if (problems.Count > 0)
            {
                throw new SearchSpaceChangedException(name, problems);
            }

            var migrated = StoredSpace.From(space.Fingerprint, space.Dimensions);
            storage.MigrateSpace(stored.Id, migrated, units);
            stored = stored with { Space = migrated };
        }

        var sampler = SamplerFactory.Create(options.Sampler, () => GridPoints(space, options.GridPointsPerRange, unitSpace.Count));
        var pruner = PrunerFactory.Create(options);
        Study<TConfig>? study = null;
        var engine = new StudyEngine(storage, stored, unitSpace, sampler, pruner, unit => Snap(space, study!, unit), options, $"{s_processTag}/{Guid.NewGuid():N}");
        study = new Study<TConfig>(space, engine);
        return study;
    }

    /// <summary>Whether a worker is known to be gone: it ran on this machine in a process that no longer exists.</summary>
    internal static bool IsDeadWorker(string worker)
    {
        string[] parts = worker.Split('/');
        if (parts.Length < 2 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out int pid) || pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static double[] Snap<TConfig>(ISearchSpace<TConfig> space, Study<TConfig> study, double[] unit)
    {
        var config = study.Decode(unit);
        var snapped = new double[unit.Length];
        space.Encode(config, snapped);
        return snapped;
    }

    private static IEnumerable<double[]> GridPoints<TConfig>(ISearchSpace<TConfig> space, int pointsPerRange, int count)
    {
        foreach (var config in space.Grid(pointsPerRange))
        {
            var unit = new double[count];
            space.Encode(config, unit);
            yield return unit;
        }
    }

    private static double[] DefaultUnit<TConfig>(ISearchSpace<TConfig> space, UnitSpace unitSpace)
    {
        var unit = new double[unitSpace.Count];
        try
        {
            space.Encode(space.CreateDefault(), unit);
        }
        catch (ArgumentException)
        {
            // A default outside the declared ranges: old trials get the middle of a new dimension.
            Array.Fill(unit, 0.5);
        }

        return unit;
    }

    /// <summary>One call's run of a study: its workers, heartbeats and progress.</summary>
    private sealed class Run<TConfig>
    {
        private readonly Study<TConfig> _study;
        private readonly StudyEngine _engine;
        private readonly Func<TConfig, TrialContext, CancellationToken, ValueTask<double>> _objective;
        private readonly TuneOptions _options;
        private readonly int _resumed;
        private readonly CancellationToken _cancellationToken;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly object _progressGate = new();

        public Run(Study<TConfig> study, Func<TConfig, TrialContext, CancellationToken, ValueTask<double>> objective, TuneOptions options, int resumed, CancellationToken cancellationToken)
        {
            _study = study;
            _engine = study.Engine;
            _objective = objective;
            _options = options;
            _resumed = resumed;
            _cancellationToken = cancellationToken;
        }

        public void Heartbeat()
        {
            try
            {
                _engine.Storage.Heartbeat(_engine.Study.Id, _engine.Worker);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A missed heartbeat is retried at the next tick; the study itself reports storage errors.
            }
        }

        public async Task WorkAsync()
        {
            var poll = TimeSpan.FromMilliseconds(Math.Clamp(_options.HeartbeatInterval.TotalMilliseconds / 5, 20, 1000));
            while (!_cancellationToken.IsCancellationRequested)
            {
                var trial = _engine.Ask(_options.Trials);
                if (trial is not null)
                {
                    await RunTrialAsync(trial).ConfigureAwait(false);
                    continue;
                }

                // Nothing to ask: the study is full or its grid is exhausted. Done, unless trials of other
                // processes are still running: one of them may fail and leave a trial to run.
                var trials = _engine.Trials;
                if (!trials.Any(t => t.State == TrialState.Running && t.Worker != _engine.Worker))
                {
                    break;
                }

                _engine.Storage.FailStaleTrials(_engine.Study.Id, _options.StaleTrialTimeout, IsDeadWorker);
                try
                {
                    await Task.Delay(poll, _cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        private async Task RunTrialAsync(TrialRecord record)
        {
            var context = new TrialContext(record.Number, record.Seed, (step, value) => _engine.Report(record.Number, step, value));
            TrialState state;
            double? value = null;
            string? error = null;
            bool interrupted = false;
            try
            {
                var config = _study.Decode(record.Unit);
                double result = await _objective(config, context, _cancellationToken).ConfigureAwait(false);
                if (context.ShouldPrune)
                {
                    (state, value) = (TrialState.Pruned, context.LastValue);
                }
                else if (double.IsFinite(result))
                {
                    (state, value) = (TrialState.Complete, result);
                }
                else
                {
                    (state, error) = (TrialState.Failed, $"The objective returned {result}.");
                }
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                (state, error, interrupted) = (TrialState.Failed, "Interrupted: the study was cancelled.", true);
            }
            catch (OperationCanceledException) when (context.ShouldPrune)
            {
                (state, value) = (TrialState.Pruned, context.LastValue);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                (state, error) = (TrialState.Failed, $"{exception.GetType().Name}: {exception.Message}");
            }

            _engine.Finish(record.Number, state, value, error, interrupted);
            Report(record.Number, state, value);
        }

        private void Report(int number, TrialState state, double? value)
        {
            if (_options.Progress is not { } progress)
            {
                return;
            }

            lock (_progressGate)
            {
                var trials = _engine.Trials;
                var best = _engine.Best(trials);
                progress.Report(new TuneProgress(
                    _engine.Study.Name,
                    number,
                    state,
                    value,
                    trials.Count(t => t.State == TrialState.Complete),
                    trials.Count(t => t.State == TrialState.Pruned),
                    trials.Count(t => t.State == TrialState.Failed),
                    trials.Count(t => t.State == TrialState.Running),
                    _options.Trials,
                    best?.Number,
                    best?.Value,
                    best is null ? null : _study.ToTrial(best).Parameters,
                    _clock.Elapsed,
                    _resumed));
            }
        }
    }
}
