using HyperTune.Numerics;
using HyperTune.Optimizers;
using HyperTune.Tests.Numerics;

namespace HyperTune.Tests.Optimizers;

/// <summary>
/// State that decays below 2⁻¹²⁶ is stored as zero (each subnormal result costs a microcode assist), and
/// the parameters come out bit for bit as without flushing: each kernel on every path against the same
/// formula written out here in scalar code without the flush, over gradients that stop (a dead unit),
/// so that the unflushed state passes through the whole subnormal range.
/// </summary>
public class SubnormalFlushTests
{
    private const int Length = 37; // a Vector512 loop, a Vector256 loop and a scalar tail
    private const int LiveSteps = 40;
    private const int Steps = 1_600; // at a decay of 0.9 a state of about 1 reaches 2⁻¹⁴⁹ in ~1,000 steps

    private static float Gradient(float[] live, int step, int i)
        => step <= LiveSteps && i % 5 != 0 ? live[(step * 7 + i) % live.Length] : 0f; // every fifth parameter never gets a gradient

    /// <summary>
    /// Runs <paramref name="kernel"/> (parameters, gradients and state arrays, updated in place) and
    /// <paramref name="reference"/> (the same, without the flush) side by side over <see cref="Steps"/>
    /// steps: the kernel's state never holds a subnormal, the reference's does at some point, and the
    /// parameters agree bit for bit after every step.
    /// </summary>
    private static void RunThroughTheDecay(int seed, int states, Action<int, float[], float[], float[][]> kernel, Action<int, float[], float[], float[][]> reference)
    {
        float[] live = TestData.Uniform(97, seed);
        float[] p = TestData.Uniform(Length, seed + 1), rp = (float[])p.Clone(), g = new float[Length];
        float[][] state = Enumerable.Range(0, states).Select(_ => new float[Length]).ToArray();
        float[][] referenceState = Enumerable.Range(0, states).Select(_ => new float[Length]).ToArray();
        bool referenceWentSubnormal = false;
        for (int t = 1; t <= Steps; t++)
        {
            for (int i = 0; i < Length; i++) g[i] = Gradient(live, t, i);
            kernel(t, p, g, state);
            reference(t, rp, g, referenceState);
            for (int k = 0; k < states; k++)
            {
                Assert.DoesNotContain(state[k], float.IsSubnormal);
                referenceWentSubnormal |= referenceState[k].Any(float.IsSubnormal);
            }

            Assert.Equal(rp, p);
        }

        Assert.True(referenceWentSubnormal, "the test never reached the subnormal range");
    }

    [Theory]
    [InlineData(TestPath.Vector512)]
    [InlineData(TestPath.Vector)]
    [InlineData(TestPath.Scalar)]
    public void Adams_moments_are_flushed_and_its_parameters_do_not_change(TestPath path)
    {
        const float beta1 = 0.5f, beta2 = 0.9f, epsilon = 1e-8f, lr = 0.01f;
        static (float StepSize, float Root) Corrections(int t) => ((float)(lr / (1 - Math.Pow(beta1, t))), (float)Math.Sqrt(1 - Math.Pow(beta2, t)));
        RunThroughTheDecay(11, 2,
            (t, p, g, s) =>
            {
                (float stepSize, float root) = Corrections(t);
                OptimizerKernels.Adam(p, g, s[0], s[1], stepSize, root, beta1, beta2, epsilon, coupledDecay: 0f, shrink: 1f, (KernelPath)path);
            },
            (t, p, g, s) =>
            {
                (float stepSize, float root) = Corrections(t);
                float inverseRoot = 1f / root;
                for (int i = 0; i < Length; i++)
                {
                    s[0][i] = MathF.FusedMultiplyAdd(1f - beta1, g[i] - s[0][i], s[0][i]);
                    s[1][i] = MathF.FusedMultiplyAdd((1f - beta2) * g[i], g[i], beta2 * s[1][i]);
                    p[i] = MathF.FusedMultiplyAdd(-stepSize, s[0][i] / MathF.FusedMultiplyAdd(MathF.Sqrt(s[1][i]), inverseRoot, epsilon), p[i]);
                }
            });
    }

    [Theory]
    [InlineData(TestPath.Vector512)]
    [InlineData(TestPath.Vector)]
    [InlineData(TestPath.Scalar)]
    public void The_momentum_buffer_is_flushed_and_the_parameters_do_not_change(TestPath path)
    {
        const float mu = 0.9f, lr = 0.01f;
        RunThroughTheDecay(21, 1,
            (t, p, g, s) => OptimizerKernels.Momentum(p, g, s[0], lr, mu, 0f, nesterov: true, first: t == 1, (KernelPath)path),
            (t, p, g, s) =>
            {
                for (int i = 0; i < Length; i++)
                {
                    s[0][i] = t == 1 ? g[i] : MathF.FusedMultiplyAdd(mu, s[0][i], g[i]);
                    p[i] = MathF.FusedMultiplyAdd(-lr, MathF.FusedMultiplyAdd(mu, s[0][i], g[i]), p[i]);
                }
            });
    }

    [Theory]
    [InlineData(TestPath.Vector512)]
    [InlineData(TestPath.Vector)]
    [InlineData(TestPath.Scalar)]
    public void RmsProps_mean_square_is_flushed_and_the_parameters_do_not_change(TestPath path)
    {
        const float alpha = 0.9f, epsilon = 1e-8f, lr = 0.01f;
        RunThroughTheDecay(31, 1,
            (_, p, g, s) => OptimizerKernels.ScaledBySquares(p, g, s[0], lr, alpha, 1f - alpha, epsilon, 0f, (KernelPath)path),
            (_, p, g, s) =>
            {
                for (int i = 0; i < Length; i++)
                {
                    s[0][i] = MathF.FusedMultiplyAdd((1f - alpha) * g[i], g[i], alpha * s[0][i]);
                    p[i] = MathF.FusedMultiplyAdd(-lr, g[i] / (MathF.Sqrt(s[0][i]) + epsilon), p[i]);
                }
            });
    }

    [Fact]
    public void A_square_is_kept_exact_when_flushing_it_could_move_a_small_epsilons_denominator()
    {
        Assert.Equal(SubnormalFlush.MinNormal, SubnormalFlush.ForDenominator(1e-8f, 1f / MathF.Sqrt(0.001f))); // Adam's defaults, step 1
        Assert.Equal(SubnormalFlush.MinNormal, SubnormalFlush.ForDenominator(1e-8f, 1f));
        Assert.Equal(0f, SubnormalFlush.ForDenominator(1e-12f, 1f));
        Assert.Equal(0f, SubnormalFlush.ForDenominator(1e-10f, 1f / MathF.Sqrt(0.001f)));

        // With ε = 1e-12 RMSProp keeps its mean square exactly as it decays.
        float[] p = [1f], s = [1.2e-38f]; // times 0.9: subnormal
        OptimizerKernels.ScaledBySquares(p, [0f], s, 0.01f, 0.9f, 0.1f, 1e-12f, 0f, KernelPath.Scalar);
        Assert.True(float.IsSubnormal(s[0]));

        // AdaGrad's sum (decay 1) is never flushed.
        s[0] = 1e-40f;
        OptimizerKernels.ScaledBySquares(p, [0f], s, 0.01f, 1f, 1f, 1e-10f, 0f, KernelPath.Scalar);
        Assert.Equal(1e-40f, s[0]);
    }
}
