using System;
using System.Globalization;

namespace HyperTune;

/// <summary>
/// When to evaluate on the validation set and when to stop, counted in global steps, with the rules
/// of TensorFlow 1's <c>tf.contrib.learn.monitors.ValidationMonitor</c> and its base <c>EveryN</c>
/// (<c>tensorflow/contrib/learn/python/learn/monitors.py</c>): the classic
/// <c>ValidationMonitor(every_n_steps=50, early_stopping_rounds=200)</c>. The generated training
/// loop and hand-written loops use this same class.
/// </summary>
/// <remarks>
/// <para>Steps are TF's global steps as its monitors see them: the first training step is step 1
/// (<c>RunHookAdapterForMonitors</c> passes <c>global_step + 1</c>), so with N = 50 the evaluations
/// fall at steps 50, 100, 150, …</para>
/// <para>Every-N (<see cref="ShouldEvaluate"/>): <c>ValidationMonitor</c> builds <c>EveryN</c> with
/// <c>first_n_steps = -1</c>, so there is no evaluation at the first step; it fires when
/// <c>step &gt;= every_n_steps + last fired step</c> (the last fired step starts at 0), or when
/// <c>step</c> equals the run's last step if one was given (<c>begin(max_steps)</c>; the estimator's
/// <c>fit</c> passes none). At the end of training there is no extra evaluation: <c>EveryN.end</c>
/// only calls <c>every_n_post_step</c>, which <c>ValidationMonitor</c> does not use.</para>
/// <para>Early stopping (<see cref="Evaluate"/>, <c>every_n_step_end</c>): the first evaluation sets
/// the best; later ones replace it only if strictly better (<c>&lt;</c> when minimising, <c>&gt;</c>
/// otherwise; no min_delta, so a tie is no improvement). Training stops when
/// <c>step - best step &gt;= early_stopping_rounds</c>: rounds are global steps since the best step,
/// not evaluations. A NaN value never improves; a NaN first evaluation becomes the best, as in TF.</para>
/// <para>One difference by design: TF evaluates the latest saved checkpoint and skips a firing whose
/// checkpoint it has already evaluated; there are no checkpoints here, so the loop evaluates the
/// current weights at every firing.</para>
/// </remarks>
/// <example>
/// <code>
/// var monitor = new ValidationMonitorState(new ValidationMonitorAttribute(50, 200));
/// for (long step = 1; ; step++)
/// {
///     TrainOneBatch();
///     if (monitor.ShouldEvaluate(step) &amp;&amp; monitor.Evaluate(step, ValidationLoss())) break;
/// }
/// </code>
/// </example>
public sealed class ValidationMonitorState
{
    private readonly int _everyNSteps;
    private readonly int _earlyStoppingRounds;
    private readonly bool _minimize;
    private readonly long? _maxSteps;

    /// <summary>Creates the state for one training run.</summary>
    /// <param name="settings">TF's <c>every_n_steps</c>, <c>early_stopping_rounds</c> and
    /// <c>early_stopping_metric_minimize</c>. <c>Metric</c> names what the loop evaluates; this
    /// class only sees the values.</param>
    /// <param name="maxSteps">The last step of the run, if known, which then also evaluates (TF's
    /// <c>EveryN.begin(max_steps)</c>); <see langword="null"/>, the default, as the estimator's
    /// <c>fit</c> does.</param>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A negative <c>EveryNSteps</c> (0 evaluates at every step, as
    /// TF's <c>EveryN(0)</c>), a negative <c>EarlyStoppingRounds</c> (0 stops at the first evaluation,
    /// as TF), or a negative <paramref name="maxSteps"/>; the message names the parameter and its value.</exception>
    public ValidationMonitorState(ValidationMonitorAttribute settings, long? maxSteps = null)
    {
        if (settings is null) throw new ArgumentNullException(nameof(settings));
        if (settings.EveryNSteps < 0)
            throw new ArgumentException($"{nameof(settings.EveryNSteps)} must be 0 or more, not {settings.EveryNSteps.ToString(CultureInfo.InvariantCulture)}.", nameof(settings));
        if (settings.EarlyStoppingRounds < 0)
            throw new ArgumentException($"{nameof(settings.EarlyStoppingRounds)} must be 0 or more, not {settings.EarlyStoppingRounds.ToString(CultureInfo.InvariantCulture)}.", nameof(settings));
        if (maxSteps < 0)
            throw new ArgumentException($"The last step must be 0 or more, not {maxSteps.Value.ToString(CultureInfo.InvariantCulture)}.", nameof(maxSteps));

        _everyNSteps = settings.EveryNSteps;
        _earlyStoppingRounds = settings.EarlyStoppingRounds;
        _minimize = settings.Minimize;
        _maxSteps = maxSteps;
    }

    /// <summary>The step at which every-N last fired (TF's <c>_last_active_step</c>), 0 before the first firing.</summary>
    public long LastFiredStep { get; private set; }

    /// <summary>The step of the best evaluation so far (TF's <c>best_step</c>); <see langword="null"/> before the first evaluation.</summary>
    public long? BestStep { get; private set; }

    /// <summary>The best value so far (TF's <c>best_value</c>); NaN while <see cref="BestStep"/> is <see langword="null"/>.</summary>
    public double BestValue { get; private set; } = double.NaN;

    /// <summary>Whether an evaluation has asked to stop (TF's <c>early_stopped</c>).</summary>
    public bool EarlyStopped { get; private set; }

    /// <summary>
    /// Whether the validation set must be evaluated after global step <paramref name="step"/>, by
    /// TF's <c>EveryN.step_begin</c> with <c>first_n_steps = -1</c>:
    /// <c>step &gt;= every_n_steps + last fired step</c>, or <c>step</c> is the run's last step. A
    /// <see langword="true"/> answer records <paramref name="step"/> as the last fired step (TF's
    /// <c>post_step</c>), so ask once a step.
    /// </summary>
    /// <param name="step">The global step just trained, counted from 1.</param>
    /// <returns><see langword="true"/> when the loop must evaluate now and pass the value to <see cref="Evaluate"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative, or beyond the
    /// run's last step when one was given (TF's <c>step_begin</c>: "Invalid step").</exception>
    public bool ShouldEvaluate(long step)
    {
        if (step < 0) throw new ArgumentOutOfRangeException(nameof(step), step, "A global step is 0 or more.");
        if (step > _maxSteps) throw new ArgumentOutOfRangeException(nameof(step), step, $"The run's last step is {_maxSteps!.Value.ToString(CultureInfo.InvariantCulture)}.");
        bool fires = step >= _everyNSteps + LastFiredStep || step == _maxSteps;
        if (fires) LastFiredStep = step;
        return fires;
    }

    /// <summary>
    /// Records the validation value measured at <paramref name="step"/> and says whether training
    /// must stop, by TF's <c>ValidationMonitor.every_n_step_end</c>: a strictly better value (or the
    /// first) becomes the best; stop when <c>step - best step &gt;= early_stopping_rounds</c>.
    /// </summary>
    /// <param name="step">The global step the value was measured at.</param>
    /// <param name="value">The value of the watched metric.</param>
    /// <returns><see langword="true"/> when training must stop.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public bool Evaluate(long step, double value)
    {
        if (step < 0) throw new ArgumentOutOfRangeException(nameof(step), step, "A global step is 0 or more.");
        if (BestStep is null || (_minimize ? value < BestValue : value > BestValue))
        {
            BestValue = value;
            BestStep = step;
        }

        bool stop = step - BestStep.Value >= _earlyStoppingRounds;
        if (stop) EarlyStopped = true;
        return stop;
    }
}
