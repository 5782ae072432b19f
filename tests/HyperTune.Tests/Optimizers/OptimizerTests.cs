using HyperTune.Numerics;
using HyperTune.Optimizers;
using HyperTune.Tests.Numerics;

namespace HyperTune.Tests.Optimizers;

/// <summary>
/// Each optimiser over several steps against its update rule written out here, in double, from the
/// papers and PyTorch's <c>torch/optim</c> formulas (not from our kernels), with weight decay.
/// </summary>
public class OptimizerTests
{
    private const int Length = 37; // 16 + 16 + 5: a Vector512 loop, the Vector256 loop's absence and a scalar tail.
    private const int Steps = 10;
    private const float LearningRate = 0.03f;

    private static double[][] Gradients() => Enumerable.Range(0, Steps).Select(s => TestData.UniformDouble(Length, 100 + s, -2, 2)).ToArray();

    private static void Run(IOptimizer optimizer, Func<int, double[], double[], double[]> reference, Func<int, float>? rate = null, double tolerance = 2e-6)
    {
        double[] expected = TestData.UniformDouble(Length, 7);
        float[] actual = expected.Select(v => (float)v).ToArray();
        double[][] gradients = Gradients();
        for (int step = 1; step <= Steps; step++)
        {
            float lr = rate?.Invoke(step) ?? LearningRate;
            float[] g = gradients[step - 1].Select(v => (float)v).ToArray();
            optimizer.Step(actual, g, lr);
            expected = reference(step, expected.Select(v => (double)(float)v).ToArray(), g.Select(v => (double)v).ToArray());
            for (int i = 0; i < Length; i++)
            {
                Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                    $"{optimizer.Kind} step {step}, parameter {i}: {actual[i]} vs {expected[i]}");
            }

            expected = actual.Select(v => (double)v).ToArray();
            Assert.Equal(step, optimizer.StepCount);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    public void Sgd_matches_its_rule(double wd) =>
        Run(new SgdOptimizer(wd), (_, p, g) => p.Select((pi, i) => pi - (LearningRate * (g[i] + (wd * pi)))).ToArray());

    [Theory]
    [InlineData(0.9, 0.0, false)]
    [InlineData(0.5, 0.02, false)]
    [InlineData(0.9, 0.0, true)]
    [InlineData(0.7, 0.02, true)]
    public void Momentum_and_Nesterov_match_PyTorchs_rule(double mu, double wd, bool nesterov)
    {
        double[] buffer = new double[Length];
        IOptimizer optimizer = nesterov ? new NesterovOptimizer(Length, mu, wd) : new MomentumOptimizer(Length, mu, wd);
        Run(optimizer, (step, p, g) =>
        {
            var next = new double[Length];
            for (int i = 0; i < Length; i++)
            {
                double d = g[i] + (wd * p[i]);
                buffer[i] = step == 1 ? d : (mu * buffer[i]) + d; // torch: the first step clones the gradient
                double direction = nesterov ? d + (mu * buffer[i]) : buffer[i];
                next[i] = p[i] - (LearningRate * direction);
            }

            return next;
        });
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    public void AdaGrad_matches_Duchi_et_al(double wd)
    {
        double[] sum = new double[Length];
        Run(new AdaGradOptimizer(Length, wd), (_, p, g) =>
        {
            var next = new double[Length];
            for (int i = 0; i < Length; i++)
            {
                double d = g[i] + (wd * p[i]);
                sum[i] += d * d;
                next[i] = p[i] - (LearningRate * d / (Math.Sqrt(sum[i]) + 1e-10));
            }

            return next;
        });
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    public void RmsProp_matches_PyTorchs_rule(double wd)
    {
        double[] square = new double[Length];
        Run(new RmsPropOptimizer(Length, wd), (_, p, g) =>
        {
            var next = new double[Length];
            for (int i = 0; i < Length; i++)
            {
                double d = g[i] + (wd * p[i]);
                square[i] = (0.99 * square[i]) + (0.01 * d * d);
                next[i] = p[i] - (LearningRate * d / (Math.Sqrt(square[i]) + 1e-8));
            }

            return next;
        });
    }

    [Theory]
    [InlineData(false, 0.0)]
    [InlineData(false, 0.01)]
    [InlineData(true, 0.01)]
    [InlineData(true, 0.1)]
    public void Adam_and_AdamW_match_Kingma_and_Ba_with_bias_correction(bool decoupled, double wd)
    {
        double[] m = new double[Length], v = new double[Length];
        IOptimizer optimizer = decoupled ? new AdamWOptimizer(Length, wd) : new AdamOptimizer(Length, wd);
        Run(optimizer, (t, p, g) =>
        {
            var next = new double[Length];
            for (int i = 0; i < Length; i++)
            {
                double theta = decoupled ? p[i] * (1 - (LearningRate * wd)) : p[i];
                double d = decoupled ? g[i] : g[i] + (wd * p[i]);
                m[i] = (0.9 * m[i]) + (0.1 * d);
                v[i] = (0.999 * v[i]) + (0.001 * d * d);
                double mHat = m[i] / (1 - Math.Pow(0.9, t));
                double vHat = v[i] / (1 - Math.Pow(0.999, t));
                // Kingma & Ba's ε sits on √v̂; PyTorch's formulation (√v / √(1-β₂ᵗ) + ε) is the same thing.
                next[i] = theta - (LearningRate * mHat / (Math.Sqrt(vHat) + 1e-8));
            }

            return next;
        }, tolerance: 4e-6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    public void Adams_first_steps_are_bias_corrected(int steps)
    {
        // With a constant gradient, bias-corrected m̂ = g and v̂ = g² at every step, so each step moves
        // each parameter by lr·g/(|g| + ε) ≈ lr·sign(g): without the correction step 1 would move by lr·0.1/√0.001.
        var optimizer = new AdamOptimizer(Length);
        float[] p = new float[Length];
        float[] g = TestData.Uniform(Length, 3, 0.5f, 2f);
        for (int s = 0; s < steps; s++) optimizer.Step(p, g, 0.01f);
        Assert.All(p, pi => Assert.Equal(-0.01 * steps, pi, 1e-6));
    }

    [Theory]
    [InlineData(TestPath.Vector512)]
    [InlineData(TestPath.Vector)]
    [InlineData(TestPath.Scalar)]
    public void Every_kernel_path_gives_the_same_update(TestPath path)
    {
        float[] g = TestData.Uniform(53, 1);
        float[] Apply(KernelPath p, Action<float[], float[], float[], float[], KernelPath> kernel)
        {
            float[] parameters = TestData.Uniform(53, 2);
            float[] s1 = TestData.Uniform(53, 3, 0f, 1f);
            float[] s2 = TestData.Uniform(53, 4, 0f, 1f);
            kernel(parameters, g, s1, s2, p);
            return parameters.Concat(s1).Concat(s2).ToArray();
        }

        Action<float[], float[], float[], float[], KernelPath>[] kernels =
        [
            (p, gr, _, _, k) => OptimizerKernels.Sgd(p, gr, 0.1f, 0.01f, k),
            (p, gr, b, _, k) => OptimizerKernels.Momentum(p, gr, b, 0.1f, 0.9f, 0.01f, nesterov: true, first: false, k),
            (p, gr, s, _, k) => OptimizerKernels.ScaledBySquares(p, gr, s, 0.1f, 0.99f, 0.01f, 1e-8f, 0.01f, k),
            (p, gr, m, v, k) => OptimizerKernels.Adam(p, gr, m, v, 0.1f, 0.5f, 0.9f, 0.999f, 1e-8f, 0.01f, 0.999f, k),
        ];
        foreach (var kernel in kernels)
        {
            Assert.Equal(Apply(KernelPath.Scalar, kernel), Apply((KernelPath)path, kernel));
        }
    }

    [Fact]
    public void Factory_builds_each_kind_with_its_settings()
    {
        foreach (OptimizerKind kind in Enum.GetValues<OptimizerKind>())
        {
            IOptimizer optimizer = OptimizerFactory.Create(kind, 10, momentum: 0.8, weightDecay: 0.001);
            Assert.Equal(kind, optimizer.Kind);
        }

        Assert.Equal(0.8, ((NesterovOptimizer)OptimizerFactory.Create(OptimizerKind.Nesterov, 1, momentum: 0.8)).Momentum, 1e-7);
        Assert.Equal(0.001, ((AdamWOptimizer)OptimizerFactory.Create(OptimizerKind.AdamW, 1, weightDecay: 0.001)).WeightDecay, 1e-9);
        Assert.Throws<ArgumentOutOfRangeException>(() => OptimizerFactory.Create((OptimizerKind)99, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => OptimizerFactory.Create(OptimizerKind.Nesterov, 1, momentum: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => OptimizerFactory.Create(OptimizerKind.Adam, 1, weightDecay: -1));
    }

    [Fact]
    public void Mismatched_lengths_are_rejected_and_reset_forgets_state()
    {
        var adam = new AdamOptimizer(4);
        Assert.Contains("4 parameters", Assert.Throws<ArgumentException>(() => adam.Step(new float[5], new float[5], 0.1f)).Message);
        Assert.Throws<ArgumentException>(() => adam.Step(new float[4], new float[3], 0.1f));

        float[] first = new float[4];
        float[] g = [1, -1, 2, 0.5f];
        adam.Step(first, g, 0.1f);
        adam.Step(first, g, 0.1f);
        adam.Reset();
        Assert.Equal(0, adam.StepCount);
        float[] again = new float[4];
        adam.Step(again, g, 0.1f);
        var fresh = new AdamOptimizer(4);
        float[] expected = new float[4];
        fresh.Step(expected, g, 0.1f);
        Assert.Equal(expected, again);
    }
}
