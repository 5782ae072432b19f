using static HyperTune.Tests.Policies.ScheduleRun;

namespace HyperTune.Tests.Policies;

/// <summary>
/// The epoch-by-epoch rates of the non-plateau kinds against PyTorch (torch/optim/lr_scheduler.py,
/// test/optim/test_lrscheduler.py). Each test has two expectations: the reference test's own targets
/// at its tolerance, and the exact doubles PyTorch's <c>step()</c> arithmetic produces (worked out
/// independently by replaying <c>get_lr</c> / <c>_get_closed_form_lr</c> in Python floats, which are
/// what PyTorch's schedulers compute in for a float <c>lr</c>).
/// </summary>
public class LearningRateScheduleTests
{
    [Fact]
    public void None_keeps_the_initial_rate()
    {
        var rates = RatesByEpoch(new LearningRateDecayAttribute(DecayKind.None), 0.05, 5);
        AssertExactly([0.05, 0.05, 0.05, 0.05, 0.05], rates);
    }

    // test_step_lr: StepLR(gamma=0.1, step_size=3), lr 0.05 (group 1) and 0.5 (group 2).
    [Fact]
    public void Step_matches_test_step_lr()
    {
        var decay = new LearningRateDecayAttribute(DecayKind.Step) { StepSize = 3, Gamma = 0.1 };
        var rates = RatesByEpoch(decay, 0.05, 10);
        AssertWithinPyTorchTolerance(Repeat((0.05, 3), (0.005, 3), (0.0005, 3), (0.00005, 1)), rates);
        AssertExactly(
            [0.05, 0.05, 0.05, 0.005000000000000001, 0.005000000000000001, 0.005000000000000001,
             0.0005000000000000001, 0.0005000000000000001, 0.0005000000000000001, 5.0000000000000016e-05],
            rates);

        AssertExactly(
            [0.5, 0.5, 0.5, 0.05, 0.05, 0.05, 0.005000000000000001, 0.005000000000000001, 0.005000000000000001, 0.0005000000000000001],
            RatesByEpoch(decay, 0.5, 10));
    }

    [Fact]
    public void Step_with_a_growing_gamma_grows_every_step_size_epochs()
    {
        // StepLR does not restrict gamma: 2.0 doubles the rate at epochs 2, 4, 6.
        var rates = RatesByEpoch(new LearningRateDecayAttribute(DecayKind.Step) { StepSize = 2, Gamma = 2.0 }, 0.01, 7);
        AssertExactly([0.01, 0.01, 0.02, 0.02, 0.04, 0.04, 0.08], rates);
    }

    [Fact]
    public void Step_keeps_chaining_far_past_the_reference_horizon()
    {
        // test_old_pattern_warning steps StepLR(step_size=3) 35 times: epochs 32..34.
        var rates = RatesByEpoch(new LearningRateDecayAttribute(DecayKind.Step) { StepSize = 3, Gamma = 0.1 }, 0.05, 35);
        AssertExactly([5.000000000000003e-12, 5.000000000000003e-13, 5.000000000000003e-13], rates[32..]);
    }

    // test_multi_step_lr: MultiStepLR(gamma=0.1, milestones=[2, 5, 9]).
    [Fact]
    public void MultiStep_matches_test_multi_step_lr()
    {
        var decay = new LearningRateDecayAttribute(DecayKind.MultiStep) { Milestones = [2, 5, 9], Gamma = 0.1 };
        var rates = RatesByEpoch(decay, 0.05, 10);
        AssertWithinPyTorchTolerance(Repeat((0.05, 2), (0.005, 3), (0.0005, 4), (0.00005, 1)), rates);
        AssertExactly(
            [0.05, 0.05, 0.005000000000000001, 0.005000000000000001, 0.005000000000000001,
             0.0005000000000000001, 0.0005000000000000001, 0.0005000000000000001, 0.0005000000000000001, 5.0000000000000016e-05],
            rates);
        AssertExactly(
            [0.5, 0.5, 0.05, 0.05, 0.05, 0.005000000000000001, 0.005000000000000001, 0.005000000000000001, 0.005000000000000001, 0.0005000000000000001],
            RatesByEpoch(decay, 0.5, 10));
    }

    [Fact]
    public void MultiStep_counts_a_duplicate_milestone_twice()
    {
        // PyTorch keeps milestones in a Counter and multiplies by gamma ** count: [2, 2, 5] cuts by
        // gamma^2 at epoch 2, then gamma at epoch 5.
        var rates = RatesByEpoch(new LearningRateDecayAttribute(DecayKind.MultiStep) { Milestones = [2, 2, 5], Gamma = 0.1 }, 0.05, 8);
        AssertExactly(
            [0.05, 0.05, 0.0005000000000000001, 0.0005000000000000001, 0.0005000000000000001,
             5.0000000000000016e-05, 5.0000000000000016e-05, 5.0000000000000016e-05],
            rates);
    }

    [Fact]
    public void MultiStep_milestone_zero_already_cuts_epoch_zero()
    {
        // The constructor's initial step runs get_lr at last_epoch = 0, and 0 is in the Counter.
        var rates = RatesByEpoch(new LearningRateDecayAttribute(DecayKind.MultiStep) { Milestones = [0, 3], Gamma = 0.1 }, 0.05, 5);
        AssertExactly([0.005000000000000001, 0.005000000000000001, 0.005000000000000001, 0.0005000000000000001, 0.0005000000000000001], rates);
    }

    [Fact]
    public void MultiStep_milestones_need_not_be_sorted()
    {
        var sorted = RatesByEpoch(new LearningRateDecayAttribute(DecayKind.MultiStep) { Milestones = [2, 5, 9] }, 0.05, 10);
        var unsorted = RatesByEpoch(new LearningRateDecayAttribute(DecayKind.MultiStep) { Milestones = [9, 2, 5] }, 0.05, 10);
        AssertExactly(sorted, unsorted);
    }

    [Fact]
    public void MultiStep_with_no_milestones_is_constant()
    {
        AssertExactly([0.05, 0.05, 0.05], RatesByEpoch(new LearningRateDecayAttribute(DecayKind.MultiStep), 0.05, 3));
    }

    // test_exp_lr: ExponentialLR(gamma=0.9), targets 0.05 * 0.9**x.
    [Fact]
    public void Exponential_matches_test_exp_lr()
    {
        var decay = new LearningRateDecayAttribute(DecayKind.Exponential) { Gamma = 0.9 };
        var rates = RatesByEpoch(decay, 0.05, 10);
        AssertWithinPyTorchTolerance(Enumerable.Range(0, 10).Select(x => 0.05 * Math.Pow(0.9, x)).ToArray(), rates);
        AssertExactly(
            [0.05, 0.045000000000000005, 0.04050000000000001, 0.03645000000000001, 0.03280500000000001,
             0.02952450000000001, 0.02657205000000001, 0.02391484500000001, 0.021523360500000012, 0.01937102445000001],
            rates);
        AssertExactly(
            [0.5, 0.45, 0.405, 0.36450000000000005, 0.32805000000000006, 0.2952450000000001, 0.2657205000000001,
             0.23914845000000007, 0.21523360500000008, 0.19371024450000007],
            RatesByEpoch(decay, 0.5, 10));
    }

    // test_cos_anneal_lr: CosineAnnealingLR(T_max=10, eta_min=1e-10), targets from the closed form.
    [Fact]
    public void Cosine_matches_test_cos_anneal_lr_in_closed_form()
    {
        const double etaMin = 1e-10;
        var decay = new LearningRateDecayAttribute(DecayKind.Cosine) { TMax = 10, MinLearningRate = etaMin };
        var rates = RatesByEpoch(decay, 0.05, 10);
        AssertWithinPyTorchTolerance(
            Enumerable.Range(0, 10).Select(x => etaMin + (0.05 - etaMin) * (1 + Math.Cos(Math.PI * x / 10)) / 2).ToArray(),
            rates);
        AssertExactly(
            [0.05, 0.04877641290982602, 0.04522542486892284, 0.039694631327922565, 0.03272542489392284,
             0.025000000050000002, 0.01727457520607717, 0.010305368772077437, 0.004774575231077166, 0.0012235871901739876],
            rates);
        AssertExactly(
            [0.5, 0.48776412907623556, 0.452254248603286, 0.396946313093729, 0.327254248628286,
             0.25000000005, 0.17274575147171403, 0.103053687006271, 0.04774575149671401, 0.012235871023764442],
            RatesByEpoch(decay, 0.5, 10));
    }

    // test_closed_form_cos_anneal_lr: T_max=5 over 20 epochs, well past T_max.
    [Fact]
    public void Cosine_is_not_clamped_past_TMax_and_climbs_back()
    {
        var rates = RatesByEpoch(new LearningRateDecayAttribute(DecayKind.Cosine) { TMax = 5, MinLearningRate = 1e-10 }, 0.05, 20);
        AssertExactly(
            [0.05, 0.04522542486892284, 0.03272542489392284, 0.01727457520607717, 0.004774575231077166,
             1e-10, 0.0047745752310771605, 0.017274575206077163, 0.032725424893922835, 0.04522542486892284,
             0.05, 0.04522542486892286, 0.03272542489392284, 0.017274575206077173, 0.004774575231077168,
             1e-10, 0.004774575231077158, 0.017274575206077156, 0.03272542489392283, 0.04522542486892283],
            rates);
    }

    // test_linearlr: LinearLR(start_factor=0.5, total_iters=4), end_factor 1.
    [Fact]
    public void LinearWarmup_matches_test_linearlr()
    {
        var decay = new LearningRateDecayAttribute(DecayKind.LinearWarmup) { StartFactor = 0.5, TotalEpochs = 4 };
        var rates = RatesByEpoch(decay, 0.05, 10);
        AssertWithinPyTorchTolerance(
            Enumerable.Range(0, 4).Select(i => 0.05 * (0.5 + i * (1 - 0.5) / 4)).Concat(Enumerable.Repeat(0.05, 6)).ToArray(),
            rates);
        AssertExactly([0.025, 0.03125, 0.0375, 0.043750000000000004, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05], rates);
        AssertExactly([0.25, 0.3125, 0.375, 0.4375, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], RatesByEpoch(decay, 0.5, 10));
    }

    // test_get_last_lr_linearlr: start_factor=1/4, end_factor=3/5, total_iters=4.
    [Fact]
    public void LinearWarmup_matches_test_get_last_lr_linearlr()
    {
        var decay = new LearningRateDecayAttribute(DecayKind.LinearWarmup) { StartFactor = 1.0 / 4, EndFactor = 3.0 / 5, TotalEpochs = 4 };
        var rates = RatesByEpoch(decay, 0.05, 10);
        AssertWithinPyTorchTolerance(
            Enumerable.Range(0, 4).Select(i => 0.05 * (0.25 + i * (0.6 - 0.25) / 4)).Concat(Enumerable.Repeat(0.05 * 0.6, 6)).ToArray(),
            rates);
        AssertExactly([0.0125, 0.016875, 0.02125, 0.025625000000000002, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03], rates);
    }

    // test_closed_form_linearlr: start_factor=1/3, end_factor=0.7, total_iters=4, 20 epochs.
    [Fact]
    public void LinearWarmup_matches_test_closed_form_linearlr()
    {
        var rates = RatesByEpoch(
            new LearningRateDecayAttribute(DecayKind.LinearWarmup) { StartFactor = 1.0 / 3, EndFactor = 0.7, TotalEpochs = 4 }, 0.05, 20);
        AssertWithinPyTorchTolerance(
            Enumerable.Range(0, 20).Select(e => 0.05 * (1.0 / 3 + (0.7 - 1.0 / 3) * Math.Min(4, e) / 4)).ToArray(),
            rates);
        AssertExactly(
            [0.016666666666666666, 0.021249999999999998, 0.02583333333333333, 0.030416666666666665],
            rates[..4]);
        Assert.All(rates[4..], rate => Assert.Equal(0.034999999999999996, rate));
    }

    [Fact]
    public void LinearWarmup_epoch_zero_runs_at_the_start_factor_and_can_decay()
    {
        // start 1, end 0.5 over 3 epochs: a linear decay, then flat.
        var rates = RatesByEpoch(new LearningRateDecayAttribute(DecayKind.LinearWarmup) { StartFactor = 1, EndFactor = 0.5, TotalEpochs = 3 }, 0.2, 6);
        AssertExactly([0.2, 0.16666666666666669, 0.13333333333333336, 0.10000000000000002, 0.10000000000000002, 0.10000000000000002], rates);

        rates = RatesByEpoch(new LearningRateDecayAttribute(DecayKind.LinearWarmup) { StartFactor = 0.1, TotalEpochs = 1 }, 0.3, 3);
        AssertExactly([0.03, 0.3, 0.3], rates);
    }

    [Fact]
    public void The_schedule_reports_its_kind_initial_rate_and_epoch()
    {
        var schedule = LearningRateSchedule.Create(new LearningRateDecayAttribute(DecayKind.LinearWarmup) { StartFactor = 0.5 }, 0.1);
        Assert.Equal(DecayKind.LinearWarmup, schedule.Kind);
        Assert.Equal(0.1, schedule.InitialLearningRate);
        Assert.Equal(0.05, schedule.LearningRate);
        Assert.Equal(0, schedule.Epoch);
        schedule.EndEpoch(123.0); // a value is ignored by kinds that do not read it
        Assert.Equal(1, schedule.Epoch);
    }

    [Fact]
    public void The_schedule_copies_the_milestones_it_was_given()
    {
        var decay = new LearningRateDecayAttribute(DecayKind.MultiStep) { Milestones = [1] };
        var schedule = LearningRateSchedule.Create(decay, 1.0);
        decay.Milestones[0] = 5;
        schedule.EndEpoch();
        Assert.Equal(0.1, schedule.LearningRate);
    }
}
