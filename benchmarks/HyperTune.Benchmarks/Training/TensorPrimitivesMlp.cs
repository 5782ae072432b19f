using System.Numerics.Tensors;

namespace HyperTune.Benchmarks.Training;

/// <summary>
/// The straightforward <see cref="TensorPrimitives"/> baseline: the same loops as the scalar one with
/// every inner vector operation (dot products, axpy updates, softmax, the optimiser) a TensorPrimitives call.
/// </summary>
internal sealed class TensorPrimitivesMlp(MlpShape shape, int batch, OptimizerKind optimizer) : BaselineMlp(shape, batch, optimizer)
{
    private readonly float[] _probabilities = new float[shape.Outputs];
    private readonly float[] _scratch = new float[((shape.Inputs * shape.Hidden) + shape.Hidden + (shape.Hidden * shape.Outputs) + shape.Outputs)];

    public override float ForwardBackward(ReadOnlySpan<float> x, ReadOnlySpan<int> labels, int batch)
    {
        Span<float> p = Parameters, g = Gradients;
        for (int b = 0; b < batch; b++)
        {
            ReadOnlySpan<float> xb = x.Slice(b * In, In);
            Span<float> hb = H.AsSpan(b * Hidden, Hidden);
            for (int j = 0; j < Hidden; j++) hb[j] = TensorPrimitives.Dot(p.Slice(W1 + (j * In), In), xb);
            TensorPrimitives.Add(hb, p.Slice(B1, Hidden), hb);
            TensorPrimitives.Max(hb, 0f, hb);
            Span<float> ob = O.AsSpan(b * Out, Out);
            for (int c = 0; c < Out; c++) ob[c] = TensorPrimitives.Dot(p.Slice(W2 + (c * Hidden), Hidden), hb);
            TensorPrimitives.Add(ob, p.Slice(B2, Out), ob);
        }

        g.Clear();
        Array.Clear(DH);
        float loss = 0;
        float invBatch = 1f / batch;
        for (int b = 0; b < batch; b++)
        {
            Span<float> ob = O.AsSpan(b * Out, Out);
            Span<float> hb = H.AsSpan(b * Hidden, Hidden);
            Span<float> dhb = DH.AsSpan(b * Hidden, Hidden);
            // TensorPrimitives.SoftMax does not shift by the maximum, and the loss needs log-sum-exp
            // anyway: shift, exponentiate, normalise.
            float max = TensorPrimitives.Max(ob);
            float shiftedLabel = ob[labels[b]] - max;
            TensorPrimitives.Subtract(ob, max, _probabilities);
            TensorPrimitives.Exp(_probabilities, _probabilities);
            float sum = TensorPrimitives.Sum(_probabilities);
            loss += MathF.Log(sum) - shiftedLabel;
            TensorPrimitives.Multiply(_probabilities, invBatch / sum, ob);
            ob[labels[b]] -= invBatch;
            TensorPrimitives.Add(g.Slice(B2, Out), ob, g.Slice(B2, Out));
            for (int c = 0; c < Out; c++)
            {
                Span<float> gw = g.Slice(W2 + (c * Hidden), Hidden);
                TensorPrimitives.MultiplyAdd(hb, ob[c], gw, gw);
                TensorPrimitives.MultiplyAdd(p.Slice(W2 + (c * Hidden), Hidden), ob[c], dhb, dhb);
            }

            for (int j = 0; j < Hidden; j++)
            {
                if (hb[j] <= 0) dhb[j] = 0;
            }

            TensorPrimitives.Add(g.Slice(B1, Hidden), dhb, g.Slice(B1, Hidden));
            ReadOnlySpan<float> xb = x.Slice(b * In, In);
            for (int j = 0; j < Hidden; j++)
            {
                Span<float> gw = g.Slice(W1 + (j * In), In);
                TensorPrimitives.MultiplyAdd(xb, dhb[j], gw, gw);
            }
        }

        return loss / batch;
    }

    protected override void Sgd(float learningRate) => TensorPrimitives.MultiplyAdd(Gradients, -learningRate, Parameters, Parameters);

    protected override void Adam(float learningRate, float stepSize, float secondRoot)
    {
        Span<float> t = _scratch;
        TensorPrimitives.Multiply(First, 0.9f, First);
        TensorPrimitives.MultiplyAdd(Gradients, 0.1f, First, First);
        TensorPrimitives.Multiply(Second, 0.999f, Second);
        TensorPrimitives.Multiply(Gradients, Gradients, t);
        TensorPrimitives.MultiplyAdd(t, 0.001f, Second, Second);
        TensorPrimitives.Sqrt(Second, t);
        TensorPrimitives.Multiply(t, 1f / secondRoot, t);
        TensorPrimitives.Add(t, 1e-8f, t);
        TensorPrimitives.Divide(First, t, t);
        TensorPrimitives.MultiplyAdd(t, -stepSize, Parameters, Parameters);
    }
}
