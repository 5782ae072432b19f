using HyperTune.Network;
using HyperTune.Tests.Numerics;

namespace HyperTune.Tests.Network;

/// <summary>
/// The network's backward pass against central finite differences, in double precision: the
/// same <see cref="MlpCore{T, TKernels}"/> code the float network runs, on the scalar reference
/// kernels. Covers the dense layer (weights and biases), ReLU, tanh, dropout, softmax +
/// cross-entropy and mean squared error.
/// </summary>
public class GradientCheckTests
{
    private const int Rows = 6;

    public static TheoryData<string, int, int, TaskKind, Activation, double> Networks() => new()
    {
        // name, hidden layers, hidden units, task, activation, dropout
        { "linear softmax", 0, 0, TaskKind.Classification, Activation.Relu, 0 },
        { "relu softmax", 2, 5, TaskKind.Classification, Activation.Relu, 0 },
        { "tanh softmax", 2, 5, TaskKind.Classification, Activation.Tanh, 0 },
        { "relu mse", 1, 6, TaskKind.Regression, Activation.Relu, 0 },
        { "tanh mse", 3, 4, TaskKind.Regression, Activation.Tanh, 0 },
        { "relu dropout softmax", 2, 7, TaskKind.Classification, Activation.Relu, 0.3 },
        { "tanh dropout mse", 1, 7, TaskKind.Regression, Activation.Tanh, 0.5 },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Backward_pass_matches_central_differences(string name, int hiddenLayers, int hiddenUnits, TaskKind task, Activation activation, double dropout)
    {
        const int inputs = 4;
        int outputs = task == TaskKind.Classification ? 3 : 2;
        var net = new MlpCore<double, ReferenceKernels<double>>(inputs, hiddenLayers, hiddenUnits, outputs, task, activation, dropout, seed: 11);
        // Non-zero biases so that a wrong bias gradient shows up too.
        Span<double> parameters = net.Parameters;
        double[] noise = TestData.UniformDouble(parameters.Length, 12, -0.1, 0.1);
        for (int i = 0; i < parameters.Length; i++) parameters[i] += noise[i];

        double[] x = TestData.UniformDouble(Rows * inputs, 13, -2, 2);
        int[] labels = [0, 1, 2, 2, 1, 0];
        double[] targets = TestData.UniformDouble(Rows * outputs, 14);

        double Loss()
        {
            net.ReseedDropout(99);
            return net.ForwardBackward(x, Rows, task == TaskKind.Classification ? labels : default, task == TaskKind.Regression ? targets : default);
        }

        Loss();
        double[] analytic = net.Gradients.ToArray();
        Assert.Contains(analytic, g => g != 0);

        const double h = 1e-5;
        for (int i = 0; i < parameters.Length; i++)
        {
            double saved = net.Parameters[i];
            net.Parameters[i] = saved + h;
            double up = Loss();
            net.Parameters[i] = saved - h;
            double down = Loss();
            net.Parameters[i] = saved;
            double numeric = (up - down) / (2 * h);
            double tolerance = 1e-7 + (1e-5 * Math.Abs(numeric));
            Assert.True(Math.Abs(analytic[i] - numeric) <= tolerance,
                $"{name}: parameter {i}: backward {analytic[i]:R}, finite difference {numeric:R}");
        }
    }

    [Fact]
    public void A_wrong_gradient_would_be_caught()
    {
        // The check is only worth something if it can fail: perturb one analytic entry and see the comparison reject it.
        var net = new MlpCore<double, ReferenceKernels<double>>(3, 1, 4, 2, TaskKind.Classification, Activation.Tanh, 0, seed: 1);
        double[] x = TestData.UniformDouble(2 * 3, 2);
        int[] labels = [0, 1];
        net.ForwardBackward(x, 2, labels, default);
        double analytic = net.Gradients[0] * 1.001 + 1e-6;
        double saved = net.Parameters[0];
        net.Parameters[0] = saved + 1e-5;
        double up = net.ForwardBackward(x, 2, labels, default);
        net.Parameters[0] = saved - 1e-5;
        double down = net.ForwardBackward(x, 2, labels, default);
        double numeric = (up - down) / 2e-5;
        Assert.False(Math.Abs(analytic - numeric) <= 1e-7 + (1e-5 * Math.Abs(numeric)));
    }
}
