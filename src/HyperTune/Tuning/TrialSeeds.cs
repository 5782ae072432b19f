using System;

namespace HyperTune.Tuning;

/// <summary>
/// Each trial's randomness derives from (study seed, trial number) alone, so a study proposes the same
/// trials whatever the degree of parallelism or the number of workers, and a resumed study goes on as
/// an uninterrupted one would have.
/// </summary>
internal static class TrialSeeds
{
    /// <summary>The trial's seed (what the objective gets as <see cref="TrialContext.Seed"/>).</summary>
    /// <param name="studySeed">The study's seed.</param>
    /// <param name="number">The trial's number.</param>
    /// <returns>A non-negative seed.</returns>
    public static int ForTrial(int studySeed, int number) => (int)(Mix(studySeed, number, 0x5EED) >> 33);

    /// <summary>The random stream a sampler draws the trial's proposal from; independent of <see cref="ForTrial"/>.</summary>
    /// <param name="studySeed">The study's seed.</param>
    /// <param name="number">The trial's number.</param>
    /// <returns>A new stream.</returns>
    public static Random SamplerRandom(int studySeed, int number) => new((int)(Mix(studySeed, number, 0x5A3F1E) >> 33));

    private static ulong Mix(int studySeed, int number, ulong stream)
    {
        ulong state = ((ulong)(uint)studySeed << 32) ^ (uint)number ^ (stream * 0x9E3779B97F4A7C15UL);
        state = SplitMix(state);
        return SplitMix(state ^ stream);
    }

    private static ulong SplitMix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
