using CsCheck;

namespace HyperTune.Tests.Policies;

/// <summary>
/// Properties over random parameters and sequences, each checked against a formulation of the
/// reference rule written differently from the implementation.
/// </summary>
public class PolicyPropertyTests
{
    private const int Epochs = 60;

    private static readonly Gen<double> Base = Gen.Double[1e-4, 1.0];
    private static readonly Gen<double> Gamma = Gen.Double[0.05, 2.0];

    /// <summary>
    /// Agreement with PyTorch's closed form, which step()'s chained products equal up to rounding:
    /// relative to the rate, or to the initial rate where the chain cancels (a LinearLR that decays
    /// towards 0 multiplies by <c>1 + (end - start) / ...</c>, close to 0, in PyTorch as here).
    /// </summary>
    private static void AssertCloseToClosedForm(LearningRateDecayAttribute decay, double initial, Func<int, double> closedForm, bool relativeToInitial = false)
    {
        var rates = ScheduleRun.RatesByEpoch(decay, initial, Epochs);
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            double expected = closedForm(epoch);
            double scale = relativeToInitial ? Math.Max(Math.Abs(expected), initial) : Math.Abs(expected);
            if (!(Math.Abs(rates[epoch] - expected) <= 1e-12 * scale))
                Assert.Fail($"Epoch {epoch}: closed form {expected:R}, schedule {rates[epoch]:R}.");
        }
    }

    [Fact]
    public void Step_equals_the_closed_form_base_times_gamma_to_the_epoch_over_step_size() =>
        Gen.Select(Base, Gamma, Gen.Int[1, 12]).Sample((initial, gamma, stepSize) =>
            AssertCloseToClosedForm(
                new LearningRateDecayAttribute(DecayKind.Step) { StepSize = stepSize, Gamma = gamma },
                initial,
                epoch => initial * Math.Pow(gamma, epoch / stepSize)));

    [Fact]
    public void MultiStep_equals_the_closed_form_with_bisect_right_over_sorted_milestones() =>
        Gen.Select(Base, Gamma, Gen.Int[0, Epochs].Array[0, 6]).Sample((initial, gamma, milestones) =>
            AssertCloseToClosedForm(
                new LearningRateDecayAttribute(DecayKind.MultiStep) { Milestones = milestones, Gamma = gamma },
                initial,
                epoch => initial * Math.Pow(gamma, milestones.Count(m => m <= epoch))));

    [Fact]
    public void Exponential_equals_the_closed_form_base_times_gamma_to_the_epoch() =>
        Gen.Select(Base, Gamma).Sample((initial, gamma) =>
            AssertCloseToClosedForm(
                new LearningRateDecayAttribute(DecayKind.Exponential) { Gamma = gamma },
                initial,
                epoch => initial * Math.Pow(gamma, epoch)));

    [Fact]
    public void LinearWarmup_equals_the_closed_form_interpolation() =>
        Gen.Select(Base, Gen.Double[0.01, 1.0], Gen.Double[0.0, 1.0], Gen.Int[1, 30]).Sample((initial, start, end, total) =>
            AssertCloseToClosedForm(
                new LearningRateDecayAttribute(DecayKind.LinearWarmup) { StartFactor = start, EndFactor = end, TotalEpochs = total },
                initial,
                epoch => initial * (start + (end - start) * Math.Min(total, epoch) / total),
                relativeToInitial: true),
            iter: 2000);

    [Fact]
    public void Cosine_never_leaves_the_band_and_returns_to_the_initial_rate_every_two_TMax() =>
        Gen.Select(Base, Gen.Int[1, 15], Gen.Double[0.0, 1e-3]).Sample((initial, tMax, etaMin) =>
        {
            var rates = ScheduleRun.RatesByEpoch(new LearningRateDecayAttribute(DecayKind.Cosine) { TMax = tMax, MinLearningRate = etaMin }, initial, Epochs);
            double low = Math.Min(initial, etaMin), high = Math.Max(initial, etaMin);
            Assert.All(rates, rate => Assert.InRange(rate, low - 1e-15, high + 1e-15));
            for (int epoch = 2 * tMax; epoch < Epochs; epoch += 2 * tMax)
                Assert.Equal(initial, rates[epoch], 1e-12 * initial);
        });

    /// <summary>
    /// Keras' wait counter restated: without a baseline, the wait at a non-improving epoch is the
    /// number of epochs since the last improvement, so training stops at the first non-improving
    /// epoch at least <c>patience</c> epochs after it. Values are quarter units, exact in float32.
    /// </summary>
    [Fact]
    public void EarlyStopping_stops_patience_epochs_after_the_last_improvement() =>
        Gen.Select(Gen.Int[0, 8].Array[1, 40], Gen.Int[0, 5], Gen.Int[0, 2], Gen.Bool).Sample((quarters, patience, deltaQuarters, maximise) =>
        {
            double[] values = quarters.Select(q => q / 4.0).ToArray();
            double minDelta = deltaQuarters / 4.0;
            var monitor = new EarlyStoppingMonitor(new EarlyStoppingAttribute(patience) { MinDelta = minDelta, Mode = maximise ? MonitorMode.Max : MonitorMode.Min });

            int lastImprovement = 0;
            int? expectedStop = null;
            for (int epoch = 0; epoch < values.Length && expectedStop is null; epoch++)
            {
                bool improves = epoch == 0 || (maximise
                    ? values[epoch] - minDelta > values[lastImprovement]
                    : values[epoch] + minDelta < values[lastImprovement]);
                if (improves) lastImprovement = epoch;
                else if (epoch - lastImprovement >= patience) expectedStop = epoch;
            }

            int? stoppedAt = null;
            for (int epoch = 0; epoch < values.Length && stoppedAt is null; epoch++)
            {
                if (monitor.EndEpoch(values[epoch])) stoppedAt = epoch;
            }

            Assert.Equal(expectedStop, stoppedAt);
            Assert.Equal(expectedStop, monitor.StoppedEpoch);
            Assert.Equal(lastImprovement, monitor.BestEpoch);
        });

    /// <summary>
    /// Asked at every step from 1, TF's every-N fires exactly at the multiples of N, and a stop is
    /// exactly the first evaluation at least <c>rounds</c> steps after the best one.
    /// </summary>
    [Fact]
    public void ValidationMonitor_fires_at_multiples_of_N_and_stops_rounds_steps_after_the_best() =>
        Gen.Select(Gen.Int[1, 30], Gen.Int[0, 120], Gen.Int[0, 6].Array[30]).Sample((everyN, rounds, levels) =>
        {
            var state = new ValidationMonitorState(new ValidationMonitorAttribute(everyN, rounds));
            long bestStep = -1;
            double best = double.NaN;
            int evaluation = 0;
            for (long step = 1; step <= 30L * everyN; step++)
            {
                bool fires = state.ShouldEvaluate(step);
                Assert.Equal(step % everyN == 0, fires);
                if (!fires) continue;

                double value = levels[evaluation++];
                if (bestStep < 0 || value < best) (bestStep, best) = (step, value);
                bool stop = state.Evaluate(step, value);
                Assert.Equal(bestStep, state.BestStep);
                Assert.Equal(step - bestStep >= rounds, stop);
                if (stop) break;
            }
        });
}
