namespace HyperTune.Benchmarks.Training;

/// <summary>The plain scalar baseline: naive loops, as one would first write them.</summary>
internal sealed class ScalarMlp(MlpShape shape, int batch, OptimizerKind optimizer) : BaselineMlp(shape, batch, optimizer)
{
    public override float ForwardBackward(ReadOnlySpan<float> x, ReadOnlySpan<int> labels, int batch)
    {
        float[] p = Parameters, g = Gradients;
        for (int b = 0; b < batch; b++)
        {
            for (int j = 0; j < Hidden; j++)
            {
                float s = p[B1 + j];
                for (int k = 0; k < In; k++) s += p[W1 + (j * In) + k] * x[(b * In) + k];
                H[(b * Hidden) + j] = s > 0 ? s : 0;
            }

            for (int c = 0; c < Out; c++)
            {
                float s = p[B2 + c];
                for (int j = 0; j < Hidden; j++) s += p[W2 + (c * Hidden) + j] * H[(b * Hidden) + j];
                O[(b * Out) + c] = s;
            }
        }

        float loss = 0;
        Array.Clear(g);
        Array.Clear(DH);
        for (int b = 0; b < batch; b++)
        {
            float max = float.NegativeInfinity;
            for (int c = 0; c < Out; c++) max = Math.Max(max, O[(b * Out) + c]);
            float sum = 0;
            for (int c = 0; c < Out; c++) sum += MathF.Exp(O[(b * Out) + c] - max);
            loss += MathF.Log(sum) + max - O[(b * Out) + labels[b]];
            for (int c = 0; c < Out; c++)
            {
                float d = ((MathF.Exp(O[(b * Out) + c] - max) / sum) - (c == labels[b] ? 1 : 0)) / batch;
                g[B2 + c] += d;
                for (int j = 0; j < Hidden; j++)
                {
                    g[W2 + (c * Hidden) + j] += d * H[(b * Hidden) + j];
                    DH[(b * Hidden) + j] += d * p[W2 + (c * Hidden) + j];
                }
            }

            for (int j = 0; j < Hidden; j++)
            {
                float d = H[(b * Hidden) + j] > 0 ? DH[(b * Hidden) + j] : 0;
                g[B1 + j] += d;
                for (int k = 0; k < In; k++) g[W1 + (j * In) + k] += d * x[(b * In) + k];
            }
        }

        return loss / batch;
    }

    protected override void Sgd(float learningRate)
    {
        for (int i = 0; i < Parameters.Length; i++) Parameters[i] -= learningRate * Gradients[i];
    }

    protected override void Adam(float learningRate, float stepSize, float secondRoot)
    {
        for (int i = 0; i < Parameters.Length; i++)
        {
            float grad = Gradients[i];
            First[i] = (0.9f * First[i]) + (0.1f * grad);
            Second[i] = (0.999f * Second[i]) + (0.001f * grad * grad);
            Parameters[i] -= stepSize * First[i] / ((MathF.Sqrt(Second[i]) / secondRoot) + 1e-8f);
        }
    }
}
