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

    private static void Check(string what, float[] state, float[] referenceState, ref bool referenceWentSubnormal, int step)
    {
        foreach (float s in state)
        {
            Assert.False(float.IsSubnormal(s), $"{what}: a subnormal state value {s} at step {step}");
        }

        referenceWentSubnormal |= referenceState.Any(float.IsSubnormal);
    }

    [Theory]
    [InlineData(TestPath.Vector512)]
    [InlineData(TestPath.Vector)]
    [InlineData(TestPath.Scalar)]
    public void Adams_moments_are_flushed_and_its_parameters_do_not_change(TestPath path)
    {
        const float beta1 = 0.5f, beta2 = 0.9f, epsilon = 1e-8f, lr = 0.01f, decay = 0f; // a decay would keep the gradients from ending
        float[] live = TestData.Uniform(97, 11);
        float[] p = TestData.Uniform(Length, 12), m = new float[Length], v = new float[Length], g = new float[Length];
        float[] rp = (float[])p.Clone(), rm = new float[Length], rv = new float[Length];
        bool referenceWentSubnormal = false;
        for (int t = 1; t <= Steps; t++)
        {
            for (int i = 0; i < Length; i++) g[i] = Gradient(live, t, i);
            float stepSize = (float)(lr / (1 - Math.Pow(beta1, t)));
            float root = (float)Math.Sqrt(1 - Math.Pow(beta2, t));
            OptimizerKernels.Adam(p, g, m, v, stepSize, root, beta1, beta2, epsilon, decay, 1f, (KernelPath)path);
            float inverseRoot = 1f / root;
            for (int i = 0; i < Length; i++)
            {
                float gi = MathF.FusedMultiplyAdd(decay, rp[i], g[i]);
                rm[i] = MathF.FusedMultiplyAdd(1f - beta1, gi - rm[i], rm[i]);
                rv[i] = MathF.FusedMultiplyAdd((1f - beta2) * gi, gi, beta2 * rv[i]);
                rp[i] = MathF.FusedMultiplyAdd(-stepSize, rm[i] / MathF.FusedMultiplyAdd(MathF.Sqrt(rv[i]), inverseRoot, epsilon), rp[i]);
            }

            Check("m", m, rm, ref referenceWentSubnormal, t);
            Check("v", v, rv, ref referenceWentSubnormal, t);
            Assert.Equal(rp, p);
        }

        Assert.True(referenceWentSubnormal, "the test never reached the subnormal range");
    }

    [Theory]
    [InlineData(TestPath.Vector512)]
    [InlineData(TestPath.Vector)]
    [InlineData(TestPath.Scalar)]
    public void The_momentum_buffer_is_flushed_and_the_parameters_do_not_change(TestPath path)
    {
        const float mu = 0.9f, lr = 0.01f;
        float[] live = TestData.Uniform(97, 21);
        float[] p = TestData.Uniform(Length, 22), b = new float[Length], g = new float[Length];
        float[] rp = (float[])p.Clone(), rb = new float[Length];
        bool referenceWentSubnormal = false;
        for (int t = 1; t <= Steps; t++)
        {
            for (int i = 0; i < Length; i++) g[i] = Gradient(live, t, i);
            OptimizerKernels.Momentum(p, g, b, lr, mu, 0f, nesterov: true, first: t == 1, (KernelPath)path);
            for (int i = 0; i < Length; i++)
            {
                rb[i] = t == 1 ? g[i] : MathF.FusedMultiplyAdd(mu, rb[i], g[i]);
                rp[i] = MathF.FusedMultiplyAdd(-lr, MathF.FusedMultiplyAdd(mu, rb[i], g[i]), rp[i]);
            }

            Check("buffer", b, rb, ref referenceWentSubnormal, t);
            Assert.Equal(rp, p);
        }

        Assert.True(referenceWentSubnormal, "the test never reached the subnormal range");
    }

    [Theory]
    [InlineData(TestPath.Vector512)]
    [InlineData(TestPath.Vector)]
    [InlineData(TestPath.Scalar)]
    public void RmsProps_mean_square_is_flushed_and_the_parameters_do_not_change(TestPath path)
    {
        const float alpha = 0.9f, epsilon = 1e-8f, lr = 0.01f;
        float[] live = TestData.Uniform(97, 31);
        float[] p = TestData.Uniform(Length, 32), s = new float[Length], g = new float[Length];
        float[] rp = (float[])p.Clone(), rs = new float[Length];
        bool referenceWentSubnormal = false;
        for (int t = 1; t <= Steps; t++)
        {
            for (int i = 0; i < Length; i++) g[i] = Gradient(live, t, i);
            OptimizerKernels.ScaledBySquares(p, g, s, lr, alpha, 1f - alpha, epsilon, 0f, (KernelPath)path);
            for (int i = 0; i < Length; i++)
            {
                rs[i] = MathF.FusedMultiplyAdd((1f - alpha) * g[i], g[i], alpha * rs[i]);
                rp[i] = MathF.FusedMultiplyAdd(-lr, g[i] / (MathF.Sqrt(rs[i]) + epsilon), rp[i]);
            }

            Check("mean square", s, rs, ref referenceWentSubnormal, t);
            Assert.Equal(rp, p);
        }

        Assert.True(referenceWentSubnormal, "the test never reached the subnormal range");
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
