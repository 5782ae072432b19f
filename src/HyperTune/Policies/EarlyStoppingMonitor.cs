using System;
using System.Globalization;

namespace HyperTune;

/// <summary>
/// Decides, epoch by epoch, when training must stop because the monitored value has stopped
/// improving, and which epoch's weights are the best: the same stopping epoch, best epoch and
/// restored weights as Keras 3's <c>keras.callbacks.EarlyStopping</c> on the same sequence of
/// values (<c>keras/src/callbacks/early_stopping.py</c>, <c>on_train_begin</c> /
/// <c>on_epoch_end</c> / <c>on_train_end</c>). The generated training loop and hand-written loops
/// use this same class.
/// </summary>
/// <remarks>
/// <para>The rules, in Keras' order, for each epoch <c>e</c> (0-based) and its value <c>v</c>:</para>
/// <list type="number">
/// <item>Epochs before <see cref="EarlyStoppingAttribute.StartFromEpoch"/> are ignored entirely:
/// no wait, no best, no stop.</item>
/// <item>The wait counter is incremented first, so patience 0 and patience 1 behave alike.</item>
/// <item>An improvement is strict and uses <c>|MinDelta|</c>: <c>v + |MinDelta| &lt; best</c> in
/// mode min, <c>v - |MinDelta| &gt; best</c> in mode max. The first monitored epoch always improves,
/// whatever its value, NaN included: Keras 3 starts each run with <c>best = None</c> and
/// <c>_is_improvement(v, None)</c> is true (since keras-team/keras#20533; before it, <c>best</c>
/// started at ±inf, which differs only for a NaN or infinite first value). Keras compares through
/// <c>keras.ops.less</c>/<c>greater</c>, which turn the Python floats into <c>floatx</c> (float32)
/// tensors: the comparison is therefore made on both sides rounded to float32, and so is it here.</item>
/// <item>An improvement records the new best value and epoch (the weights to snapshot, see
/// <see cref="ImprovedLastEpoch"/>) and resets the wait only if it also beats the baseline (when
/// there is one); either way the stop check is skipped that epoch.</item>
/// <item>Otherwise training stops when <c>wait &gt;= patience</c> and <c>e &gt; 0</c>, so it never
/// stops at epoch 0.</item>
/// </list>
/// <para>A NaN value is never an improvement after the first monitored epoch (every comparison with
/// NaN is false), so it counts as an epoch without improvement; a NaN as the first monitored value
/// becomes the best and nothing can beat it afterwards, exactly as in Keras.</para>
/// </remarks>
/// <example>
/// <code>
/// var stopper = new EarlyStoppingMonitor(new EarlyStoppingAttribute(5) { RestoreBestWeights = true });
/// for (int epoch = 0; epoch &lt; maxEpochs; epoch++)
/// {
///     double validationLoss = TrainOneEpoch();
///     bool stop = stopper.EndEpoch(validationLoss);
///     if (stopper.ImprovedLastEpoch) SnapshotWeights();
///     if (stop) break;
/// }
/// if (stopper.ShouldRestoreBestWeights) RestoreSnapshot();
/// </code>
/// </example>
public sealed class EarlyStoppingMonitor
{
    private readonly int _patience;
    private readonly double _minDelta;
    private readonly bool _minimize;
    private readonly double? _baseline;
    private readonly bool _restoreBestWeights;
    private readonly int _startFromEpoch;
    private bool _hasBest;

    /// <summary>Creates the monitor for one training run.</summary>
    /// <param name="settings">Keras' parameters: <c>patience</c>, <c>min_delta</c>, <c>mode</c>,
    /// <c>baseline</c> (NaN for none), <c>restore_best_weights</c>, <c>start_from_epoch</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A negative <c>Patience</c> or <c>StartFromEpoch</c>, a NaN or
    /// infinite <c>MinDelta</c>, or an undefined <c>Mode</c>; the message names the parameter and its value.</exception>
    public EarlyStoppingMonitor(EarlyStoppingAttribute settings)
    {
        if (settings is null) throw new ArgumentNullException(nameof(settings));
        if (settings.Patience < 0)
            throw new ArgumentException($"{nameof(settings.Patience)} must be 0 or more, not {settings.Patience.ToString(CultureInfo.InvariantCulture)}.", nameof(settings));
        if (settings.StartFromEpoch < 0)
            throw new ArgumentException($"{nameof(settings.StartFromEpoch)} must be 0 or more, not {settings.StartFromEpoch.ToString(CultureInfo.InvariantCulture)}.", nameof(settings));
        if (double.IsNaN(settings.MinDelta) || double.IsInfinity(settings.MinDelta))
            throw new ArgumentException($"{nameof(settings.MinDelta)} must be finite, not {settings.MinDelta.ToString("R", CultureInfo.InvariantCulture)}.", nameof(settings));
        if (settings.Mode is not (MonitorMode.Min or MonitorMode.Max))
            throw new ArgumentException($"{nameof(settings.Mode)} = {settings.Mode} is not a {nameof(MonitorMode)}.", nameof(settings));

        _patience = settings.Patience;
        _minimize = settings.Mode == MonitorMode.Min;
        // Keras: `self.min_delta = abs(min_delta)`, negated for mode min, then `value - min_delta`.
        _minDelta = _minimize ? -Math.Abs(settings.MinDelta) : Math.Abs(settings.MinDelta);
        _baseline = double.IsNaN(settings.Baseline) ? null : settings.Baseline;
        _restoreBestWeights = settings.RestoreBestWeights;
        _startFromEpoch = settings.StartFromEpoch;
    }

    /// <summary>The number of epochs ended so far, that is of calls to <see cref="EndEpoch"/>.</summary>
    public int Epoch { get; private set; }

    /// <summary>
    /// Keras' <c>wait</c>: monitored epochs since the wait was last reset (by an improvement that
    /// also beat the baseline).
    /// </summary>
    public int Wait { get; private set; }

    /// <summary>
    /// The 0-based epoch of the best value so far (Keras' <c>best_epoch</c>, whose weights
    /// <c>restore_best_weights</c> restores); <see langword="null"/> until an epoch has been monitored
    /// (Keras reports 0 then).
    /// </summary>
    public int? BestEpoch { get; private set; }

    /// <summary>The best monitored value so far (Keras' <c>best</c>); NaN while <see cref="BestEpoch"/> is <see langword="null"/>.</summary>
    public double BestValue { get; private set; } = double.NaN;

    /// <summary>
    /// The 0-based epoch at which the monitor asked to stop (Keras' <c>stopped_epoch</c>);
    /// <see langword="null"/> until it has.
    /// </summary>
    public int? StoppedEpoch { get; private set; }

    /// <summary>
    /// Whether the last <see cref="EndEpoch"/> set a new best: exactly when Keras stores
    /// <c>best_weights = model.get_weights()</c> (with <c>restore_best_weights</c>), so a loop that
    /// restores best weights snapshots them when this is <see langword="true"/>.
    /// </summary>
    public bool ImprovedLastEpoch { get; private set; }

    /// <summary>
    /// Whether the loop must restore the weights of <see cref="BestEpoch"/> when training ends —
    /// Keras 3's <c>on_train_end</c>: with <c>RestoreBestWeights</c>, as soon as an epoch has been
    /// monitored, whether training stopped early, ran out of epochs or was stopped by something else.
    /// </summary>
    public bool ShouldRestoreBestWeights => _restoreBestWeights && BestEpoch is not null;

    /// <summary>
    /// Ends an epoch with its monitored value (usually the validation loss) and says whether
    /// training must stop now, by Keras' <c>on_epoch_end</c> rules (see the class remarks).
    /// </summary>
    /// <param name="monitoredValue">The epoch's monitored value; NaN is handled as Keras handles it.</param>
    /// <returns><see langword="true"/> when training must stop after this epoch (Keras sets <c>model.stop_training</c>).</returns>
    public bool EndEpoch(double monitoredValue)
    {
        int epoch = Epoch++;
        ImprovedLastEpoch = false;
        if (epoch < _startFromEpoch) return false; // warm-up: ignored entirely

        Wait++;
        if (!_hasBest || IsImprovement(monitoredValue, BestValue))
        {
            _hasBest = true;
            BestValue = monitoredValue;
            BestEpoch = epoch;
            ImprovedLastEpoch = true;
            // Only restart the wait if the value beats both the previous best and the baseline;
            // either way there is no stop check on an improving epoch.
            if (_baseline is not double baseline || IsImprovement(monitoredValue, baseline)) Wait = 0;
            return false;
        }

        if (Wait >= _patience && epoch > 0)
        {
            StoppedEpoch = epoch;
            return true;
        }

        return false;
    }

    // Keras: monitor_op(value - min_delta, reference) with monitor_op = keras.ops.less/greater, which
    // converts both Python floats to floatx (float32) tensors before comparing.
    private bool IsImprovement(double value, double reference)
    {
        float shifted = (float)(value - _minDelta);
        float against = (float)reference;
        return _minimize ? shifted < against : shifted > against;
    }
}
