using HyperTune.Tuning;

namespace HyperTune.Tests.Tuning;

/// <summary>A stored study whose config's space changed between runs: safe changes keep the trials, unsafe ones are refused.</summary>
public sealed class SpaceMigrationTests
{
    private static readonly TuneOptions s_options = new() { Trials = 6, Sampler = SamplerKind.Random, StudyName = "evolving", Seed = 7 };

    [Fact]
    public async Task Wider_bounds_a_new_candidate_and_a_new_dimension_keep_every_stored_trial_mapped()
    {
        using var storage = new InMemoryStudyStorage();
        var v1 = await Tuner.RunAsync(Tuner.Open(SpaceV1.SearchSpace.Definition, s_options, storage), (c, _, _) => new ValueTask<double>(c.A + c.B), s_options, CancellationToken.None);
        var before = v1.Trials.Select(t => (t.Config.A, t.Config.B, t.Value)).ToList();

        var more = s_options with { Trials = 10 };
        var v2 = await Tuner.RunAsync(Tuner.Open(SpaceV2.SearchSpace.Definition, more, storage), (c, _, _) => new ValueTask<double>(c.A + c.B + c.C), more, CancellationToken.None);

        Assert.Equal(10, v2.Trials.Count);
        // Values stay exact; a config re-encoded in the wider range comes back to within rounding.
        Assert.Equal(before.Select(b => (b.B, b.Value)), v2.Trials.Take(6).Select(t => (t.Config.B, t.Value)));
        Assert.All(before.Zip(v2.Trials), pair => Assert.Equal(pair.First.A, pair.Second.Config.A, 1e-12));
        Assert.All(v2.Trials.Take(6), t => Assert.Equal(0.25, t.Config.C)); // the new dimension's default
        var stored = storage.ListStudies().Single();
        Assert.Equal(SpaceV2.SearchSpace.Fingerprint, stored.Space.Fingerprint);
    }

    [Fact]
    public async Task A_renamed_dimension_is_refused_with_what_changed()
    {
        using var storage = new InMemoryStudyStorage();
        await Tuner.RunAsync(Tuner.Open(SpaceV1.SearchSpace.Definition, s_options, storage), (c, _, _) => new ValueTask<double>(c.A), s_options, CancellationToken.None);

        var error = Assert.Throws<SearchSpaceChangedException>(() => Tuner.Open(SpaceRenamed.SearchSpace.Definition, s_options, storage));

        Assert.Equal("evolving", error.StudyName);
        Assert.Contains("'A' is no longer a dimension (removed or renamed).", error.Changes);
        Assert.Contains("StartFresh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Narrower_bounds_that_exclude_stored_values_are_refused_and_StartFresh_accepts_them()
    {
        using var storage = new InMemoryStudyStorage();
        await Tuner.RunAsync(Tuner.Open(SpaceV1.SearchSpace.Definition, s_options, storage), (c, _, _) => new ValueTask<double>(c.A), s_options, CancellationToken.None);

        var error = Assert.Throws<SearchSpaceChangedException>(() => Tuner.Open(SpaceNarrowed.SearchSpace.Definition, s_options, storage));
        Assert.Contains(error.Changes, c => c.Contains("which the new A: continuous [0.45, 0.55] does not hold", StringComparison.Ordinal));

        var fresh = s_options with { StartFresh = true };
        var study = await Tuner.RunAsync(Tuner.Open(SpaceNarrowed.SearchSpace.Definition, fresh, storage), (c, _, _) => new ValueTask<double>(c.A), fresh, CancellationToken.None);
        Assert.Equal(6, study.Trials.Count);
        Assert.All(study.Trials, t => Assert.InRange(t.Config.A, 0.45, 0.55));
    }

    [Fact]
    public void A_study_reopened_in_the_other_direction_is_refused()
    {
        using var storage = new InMemoryStudyStorage();
        Tuner.Open(SpaceV1.SearchSpace.Definition, s_options, storage);

        var error = Assert.Throws<ArgumentException>(() => Tuner.Open(SpaceV1.SearchSpace.Definition, s_options with { Direction = Direction.Maximize }, storage));
        Assert.Contains("was created to minimize", error.Message, StringComparison.Ordinal);
    }
}
