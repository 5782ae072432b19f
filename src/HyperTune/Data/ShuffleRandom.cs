using System;
using System.Runtime.CompilerServices;
using HyperTune.Numerics;

namespace HyperTune;

/// <summary>
/// The seeded generator behind splits and per-epoch shuffles: xoshiro256** (Blackman and Vigna)
/// seeded through SplitMix64. It is ours rather than <see cref="Random"/> so that a seed gives the
/// same rows in the same order on every runtime, forever, and so that drawing never allocates.
/// </summary>
internal struct ShuffleRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the generator.</summary>
    /// <param name="seed">The user's seed.</param>
    /// <param name="stream">Separates the uses of one seed (split, shuffle), so that they do not
    /// draw the same numbers.</param>
    public ShuffleRandom(int seed, ulong stream)
    {
        ulong state = unchecked((ulong)(uint)seed ^ (stream * 0xD1B54A32D192ED03UL));
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    /// <summary>A generator in a given state, for checking the algorithm against published sequences.</summary>
    internal static ShuffleRandom FromState(ulong s0, ulong s1, ulong s2, ulong s3)
        => new() { _s0 = s0, _s1 = s1, _s2 = s2, _s3 = s3 };

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias (Lemire 2019).</summary>
    [MethodImpl(Hot.Path)]
    public int NextInt(int bound)
    {
        uint range = (uint)bound;
        ulong product = (NextUInt64() >> 32) * range;
        uint low = (uint)product;
        if (low < range)
        {
            uint threshold = unchecked(0u - range) % range;
            while (low < threshold)
            {
                product = (NextUInt64() >> 32) * range;
                low = (uint)product;
            }
        }
        return (int)(product >> 32);
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates: every order equally likely).</summary>
    [MethodImpl(Hot.Path)]
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
