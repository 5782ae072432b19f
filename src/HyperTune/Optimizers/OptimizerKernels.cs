using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using HyperTune.Numerics;

namespace HyperTune.Optimizers;

/// <summary>
/// The fused update passes: each reads a parameter, its gradient and its state once, and writes the
/// parameter and state once (PyTorch's single-tensor formulas, folded into one loop). A Vector512 loop,
/// a Vector256 loop (fallback, and the wider loop's tail) and a scalar tail that performs the same
/// operations per element as the vector lanes, so a result never depends on where the tail starts.
/// </summary>
internal static unsafe class OptimizerKernels
{
    /// <summary>
    /// Parameters below which an update stays on one thread: 2²⁰ (a pass over a million parameters
    /// takes 100-300 µs). Smaller updates are a few tens of microseconds, memory-bound: a split
    /// saves little and, on a busy machine, risks waiting for a preempted worker every step.
    /// </summary>
    internal const int ParallelThreshold = 1 << 20;

    /// <summary>Parameters in one unit of a split: four cache lines, a multiple of every vector width.</summary>
    private const int Unit = 64;

    [ThreadStatic] private static UpdateWork? t_work;

    /// <summary>SGD: <c>g += wd·p; p -= lr·g</c>.</summary>
    public static void Sgd(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate, float weightDecay, KernelPath path = KernelPath.Auto)
    {
        if (KernelThreads.Team is { } team)
        {
            fixed (float* p = parameters, g = gradients)
            {
                if (TryDispatch(team, UpdateKind.Sgd, p, g, null, null, parameters.Length, path, learningRate, weightDecay)) return;
            }
        }

        SgdCore(parameters, gradients, learningRate, weightDecay, path);
    }

    /// <summary>
    /// SGD with momentum (PyTorch, dampening 0): <c>g += wd·p; buf = first ? g : μ·buf + g;
    /// d = nesterov ? g + μ·buf : buf; p -= lr·d</c>.
    /// </summary>
    public static void Momentum(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> buffer, float learningRate, float momentum,
        float weightDecay, bool nesterov, bool first, KernelPath path = KernelPath.Auto)
    {
        if (KernelThreads.Team is { } team)
        {
            fixed (float* p = parameters, g = gradients, b = buffer)
            {
                if (TryDispatch(team, UpdateKind.Momentum, p, g, b, null, parameters.Length, path, learningRate, weightDecay, momentum, flag1: nesterov, flag2: first)) return;
            }
        }

        MomentumCore(parameters, gradients, buffer, learningRate, momentum, weightDecay, nesterov, first, path);
    }

    /// <summary>
    /// AdaGrad and RMSProp: <c>g += wd·p; s = decay·s + scale·g²; p -= lr·g / (√s + ε)</c>
    /// (decay = scale = 1 for AdaGrad; decay = α, scale = 1 - α for RMSProp).
    /// </summary>
    public static void ScaledBySquares(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> squares, float learningRate, float decay,
        float scale, float epsilon, float weightDecay, KernelPath path = KernelPath.Auto)
    {
        if (KernelThreads.Team is { } team)
        {
            fixed (float* p = parameters, g = gradients, q = squares)
            {
                if (TryDispatch(team, UpdateKind.ScaledBySquares, p, g, q, null, parameters.Length, path, learningRate, weightDecay, decay, scale, epsilon)) return;
            }
        }

        ScaledBySquaresCore(parameters, gradients, squares, learningRate, decay, scale, epsilon, weightDecay, path);
    }

    /// <summary>
    /// Adam / AdamW: <c>p *= shrink; g += wd·p; m += (1 - β₁)(g - m); v = β₂v + (1 - β₂)g²;
    /// p -= stepSize · m / (√v / √(1 - β₂ᵗ) + ε)</c>.
    /// </summary>
    public static void Adam(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> first, Span<float> second, float stepSize,
        float secondCorrectionRoot, float beta1, float beta2, float epsilon, float coupledDecay, float shrink, KernelPath path = KernelPath.Auto)
    {
        if (KernelThreads.Team is { } team)
        {
            fixed (float* p = parameters, g = gradients, m = first, v = second)
            {
                if (TryDispatch(team, UpdateKind.Adam, p, g, m, v, parameters.Length, path, stepSize, coupledDecay, secondCorrectionRoot, beta1, beta2, epsilon, shrink)) return;
            }
        }

        AdamCore(parameters, gradients, first, second, stepSize, secondCorrectionRoot, beta1, beta2, epsilon, coupledDecay, shrink, path);
    }

    /// <summary>
    /// Splits an update among the team when that pays: along the rows of the weight gradients the
    /// last step split, when the model declared its layout (<see cref="ParameterLayout"/>), otherwise in
    /// slices of whole <see cref="Unit"/>s (the last slice takes the rest) when there are at least
    /// <see cref="ParallelThreshold"/> parameters. The kernels' vector loops and scalar tail do the
    /// same operations on every element, so a parameter's new value never depends on the part it
    /// falls in, nor on the thread count.
    /// </summary>
    /// <returns>False when the update should stay on the calling thread; nothing has run then.</returns>
    [MethodImpl(Hot.Path)]
    private static bool TryDispatch(WorkerTeam team, UpdateKind kind, float* p, float* g, float* s1, float* s2, int count, KernelPath path,
        float x0 = 0, float x1 = 0, float x2 = 0, float x3 = 0, float x4 = 0, float x5 = 0, float x6 = 0, bool flag1 = false, bool flag2 = false)
    {
        ParameterLayout? layout = ParameterLayout.Find(p, count, team);
        if (layout is null && count < ParallelThreshold) return false;

        UpdateWork work = t_work ??= new UpdateWork();
        work.Kind = kind;
        work.P = p;
        work.G = g;
        work.S1 = s1;
        work.S2 = s2;
        (work.Count, work.Path) = (count, path);
        (work.X0, work.X1, work.X2, work.X3, work.X4, work.X5, work.X6, work.Flag1, work.Flag2) = (x0, x1, x2, x3, x4, x5, x6, flag1, flag2);
        if (layout is not null)
        {
            work.Aligned = true;
            work.Parts = layout.Parts;
            if (work.PartStarts.Length < work.Parts + 1) work.PartStarts = new int[work.Parts + 1];
            layout.Partition(work.Segments, work.PartStarts);
        }
        else
        {
            work.Aligned = false;
            work.Units = count / Unit;
            work.Parts = Math.Max(1, Math.Min(work.Units, team.Threads * 2));
        }

        team.Run(work, work.Parts);
        return true;
    }

    private enum UpdateKind
    {
        Sgd,
        Momentum,
        ScaledBySquares,
        Adam,
    }

    /// <summary>The arguments of one split update, kept per thread and reused.</summary>
    private sealed class UpdateWork : ParallelWork
    {
        public UpdateKind Kind;
        public float* P, G, S1, S2;
        public int Count, Units, Parts;

        /// <summary>Whether the parts are <see cref="Segments"/> lists (a declared layout) rather than flat slices.</summary>
        public bool Aligned;
        public List<UpdateSegment> Segments = [];
        public int[] PartStarts = [];
        public KernelPath Path;
        public float X0, X1, X2, X3, X4, X5, X6;
        public bool Flag1, Flag2;

        [MethodImpl(Hot.Path)]
        public override void Run(int part)
        {
            if (Aligned)
            {
                for (int s = PartStarts[part]; s < PartStarts[part + 1]; s++)
                {
                    UpdateSegment segment = Segments[s];
                    RunRange(segment.Start, segment.Length);
                }

                return;
            }

            int start = (int)((long)part * Units / Parts) * Unit;
            int end = part == Parts - 1 ? Count : (int)((long)(part + 1) * Units / Parts) * Unit;
            RunRange(start, end - start);
        }

        [MethodImpl(Hot.Path)]
        private void RunRange(int start, int length)
        {
            var p = new Span<float>(P + start, length);
            var g = new ReadOnlySpan<float>(G + start, length);
            switch (Kind)
            {
                case UpdateKind.Sgd:
                    SgdCore(p, g, X0, X1, Path);
                    break;
                case UpdateKind.Momentum:
                    MomentumCore(p, g, new Span<float>(S1 + start, length), X0, X2, X1, Flag1, Flag2, Path);
                    break;
                case UpdateKind.ScaledBySquares:
                    ScaledBySquaresCore(p, g, new Span<float>(S1 + start, length), X0, X2, X3, X4, X1, Path);
                    break;
                default:
                    AdamCore(p, g, new Span<float>(S1 + start, length), new Span<float>(S2 + start, length), X0, X2, X3, X4, X5, X1, X6, Path);
                    break;
            }
        }
    }

    [MethodImpl(Hot.Path)]
    private static void SgdCore(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate, float weightDecay, KernelPath path = KernelPath.Auto)
    {
        int n = parameters.Length;
        ref float p = ref MemoryMarshal.GetReference(parameters);
        ref float g = ref MemoryMarshal.GetReference(gradients);
        float negLr = -learningRate;
        int i = 0;
        path = Simd.Resolve(path);
        if (path == KernelPath.Vector512)
        {
            Vector512<float> lr = Vector512.Create(negLr), wd = Vector512.Create(weightDecay);
            for (; i + 16 <= n; i += 16)
            {
                Vector512<float> pv = Vector512.LoadUnsafe(ref p, (nuint)i);
                Vector512<float> gv = Simd.Fma(wd, pv, Vector512.LoadUnsafe(ref g, (nuint)i));
                Simd.Fma(lr, gv, pv).StoreUnsafe(ref p, (nuint)i);
            }
        }

        if (path != KernelPath.Scalar)
        {
            Vector256<float> lr = Vector256.Create(negLr), wd = Vector256.Create(weightDecay);
            for (; i + 8 <= n; i += 8)
            {
                Vector256<float> pv = Vector256.LoadUnsafe(ref p, (nuint)i);
                Vector256<float> gv = Simd.Fma(wd, pv, Vector256.LoadUnsafe(ref g, (nuint)i));
                Simd.Fma(lr, gv, pv).StoreUnsafe(ref p, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            ref float pi = ref Unsafe.Add(ref p, i);
            float gi = MathF.FusedMultiplyAdd(weightDecay, pi, Unsafe.Add(ref g, i));
            pi = MathF.FusedMultiplyAdd(negLr, gi, pi);
        }
    }

    /// <summary>
    /// SGD with momentum (PyTorch, dampening 0): <c>g += wd·p; buf = first ? g : μ·buf + g;
    /// d = nesterov ? g + μ·buf : buf; p -= lr·d</c>.
    /// </summary>
    [MethodImpl(Hot.Path)]
    private static void MomentumCore(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> buffer, float learningRate, float momentum,
        float weightDecay, bool nesterov, bool first, KernelPath path = KernelPath.Auto)
    {
        int n = parameters.Length;
        ref float p = ref MemoryMarshal.GetReference(parameters);
        ref float g = ref MemoryMarshal.GetReference(gradients);
        ref float b = ref MemoryMarshal.GetReference(buffer);
        float negLr = -learningRate;
        // On the first step the buffer is the gradient itself: buf = 0·buf + g, with the old buffer ignored.
        float keep = first ? 0f : momentum;
        float look = nesterov ? momentum : 0f;
        int i = 0;
        path = Simd.Resolve(path);
        if (path == KernelPath.Vector512)
        {
            Vector512<float> lr = Vector512.Create(negLr), wd = Vector512.Create(weightDecay), mu = Vector512.Create(keep), la = Vector512.Create(look),
                flush = Vector512.Create(SubnormalFlush.MinNormal);
            for (; i + 16 <= n; i += 16)
            {
                Vector512<float> pv = Vector512.LoadUnsafe(ref p, (nuint)i);
                Vector512<float> gv = Simd.Fma(wd, pv, Vector512.LoadUnsafe(ref g, (nuint)i));
                Vector512<float> bv = SubnormalFlush.Apply(first ? gv : Simd.Fma(mu, Vector512.LoadUnsafe(ref b, (nuint)i), gv), flush);
                bv.StoreUnsafe(ref b, (nuint)i);
                Vector512<float> dv = nesterov ? Simd.Fma(la, bv, gv) : bv;
                Simd.Fma(lr, dv, pv).StoreUnsafe(ref p, (nuint)i);
            }
        }

        if (path != KernelPath.Scalar)
        {
            Vector256<float> lr = Vector256.Create(negLr), wd = Vector256.Create(weightDecay), mu = Vector256.Create(keep), la = Vector256.Create(look),
                flush = Vector256.Create(SubnormalFlush.MinNormal);
            for (; i + 8 <= n; i += 8)
            {
                Vector256<float> pv = Vector256.LoadUnsafe(ref p, (nuint)i);
                Vector256<float> gv = Simd.Fma(wd, pv, Vector256.LoadUnsafe(ref g, (nuint)i));
                Vector256<float> bv = SubnormalFlush.Apply(first ? gv : Simd.Fma(mu, Vector256.LoadUnsafe(ref b, (nuint)i), gv), flush);
                bv.StoreUnsafe(ref b, (nuint)i);
                Vector256<float> dv = nesterov ? Simd.Fma(la, bv, gv) : bv;
                Simd.Fma(lr, dv, pv).StoreUnsafe(ref p, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            ref float pi = ref Unsafe.Add(ref p, i);
            ref float bi = ref Unsafe.Add(ref b, i);
            float gi = MathF.FusedMultiplyAdd(weightDecay, pi, Unsafe.Add(ref g, i));
            bi = SubnormalFlush.Apply(first ? gi : MathF.FusedMultiplyAdd(keep, bi, gi), SubnormalFlush.MinNormal);
            float di = nesterov ? MathF.FusedMultiplyAdd(look, bi, gi) : bi;
            pi = MathF.FusedMultiplyAdd(negLr, di, pi);
        }
    }

    /// <summary>
    /// AdaGrad (PyTorch, lr_decay 0, initial accumulator 0) and RMSProp (PyTorch, not centred, no
    /// momentum) share one shape: <c>g += wd·p; s = decay·s + scale·g²; p -= lr·g / (√s + ε)</c>, with
    /// decay = scale = 1 for AdaGrad and decay = α, scale = 1 - α for RMSProp.
    /// </summary>
    [MethodImpl(Hot.Path)]
    private static void ScaledBySquaresCore(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> squares, float learningRate, float decay,
        float scale, float epsilon, float weightDecay, KernelPath path = KernelPath.Auto)
    {
        int n = parameters.Length;
        // AdaGrad's sum (decay 1) never decays into the subnormal range: kept exact.
        float flushBelow = decay < 1f ? SubnormalFlush.ForDenominator(epsilon, 1f) : 0f;
        ref float p = ref MemoryMarshal.GetReference(parameters);
        ref float g = ref MemoryMarshal.GetReference(gradients);
        ref float s = ref MemoryMarshal.GetReference(squares);
        float negLr = -learningRate;
        int i = 0;
        path = Simd.Resolve(path);
        if (path == KernelPath.Vector512)
        {
            Vector512<float> lr = Vector512.Create(negLr), wd = Vector512.Create(weightDecay), dc = Vector512.Create(decay),
                sc = Vector512.Create(scale), eps = Vector512.Create(epsilon), flush = Vector512.Create(flushBelow);
            for (; i + 16 <= n; i += 16)
            {
                Vector512<float> pv = Vector512.LoadUnsafe(ref p, (nuint)i);
                Vector512<float> gv = Simd.Fma(wd, pv, Vector512.LoadUnsafe(ref g, (nuint)i));
                Vector512<float> sv = SubnormalFlush.Apply(Simd.Fma(sc * gv, gv, dc * Vector512.LoadUnsafe(ref s, (nuint)i)), flush);
                sv.StoreUnsafe(ref s, (nuint)i);
                Simd.Fma(lr, gv / (Vector512.Sqrt(sv) + eps), pv).StoreUnsafe(ref p, (nuint)i);
            }
        }

        if (path != KernelPath.Scalar)
        {
            Vector256<float> lr = Vector256.Create(negLr), wd = Vector256.Create(weightDecay), dc = Vector256.Create(decay),
                sc = Vector256.Create(scale), eps = Vector256.Create(epsilon), flush = Vector256.Create(flushBelow);
            for (; i + 8 <= n; i += 8)
            {
                Vector256<float> pv = Vector256.LoadUnsafe(ref p, (nuint)i);
                Vector256<float> gv = Simd.Fma(wd, pv, Vector256.LoadUnsafe(ref g, (nuint)i));
                Vector256<float> sv = SubnormalFlush.Apply(Simd.Fma(sc * gv, gv, dc * Vector256.LoadUnsafe(ref s, (nuint)i)), flush);
                sv.StoreUnsafe(ref s, (nuint)i);
                Simd.Fma(lr, gv / (Vector256.Sqrt(sv) + eps), pv).StoreUnsafe(ref p, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            ref float pi = ref Unsafe.Add(ref p, i);
            ref float si = ref Unsafe.Add(ref s, i);
            float gi = MathF.FusedMultiplyAdd(weightDecay, pi, Unsafe.Add(ref g, i));
            si = SubnormalFlush.Apply(MathF.FusedMultiplyAdd(scale * gi, gi, decay * si), flushBelow);
            pi = MathF.FusedMultiplyAdd(negLr, gi / (MathF.Sqrt(si) + epsilon), pi);
        }
    }

    /// <summary>
    /// Adam / AdamW (PyTorch's single-tensor formulation): <c>p *= shrink</c> (AdamW's decoupled decay,
    /// <c>1 - lr·wd</c>; 1 for Adam); <c>g += wd·p</c> (Adam's coupled decay; 0 for AdamW);
    /// <c>m += (1 - β₁)(g - m)</c>; <c>v = β₂v + (1 - β₂)g²</c>;
    /// <c>p -= stepSize · m / (√v / √(1 - β₂ᵗ) + ε)</c> with <c>stepSize = lr / (1 - β₁ᵗ)</c>.
    /// </summary>
    [MethodImpl(Hot.Path)]
    private static void AdamCore(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> first, Span<float> second, float stepSize,
        float secondCorrectionRoot, float beta1, float beta2, float epsilon, float coupledDecay, float shrink, KernelPath path = KernelPath.Auto)
    {
        int n = parameters.Length;
        ref float p = ref MemoryMarshal.GetReference(parameters);
        ref float g = ref MemoryMarshal.GetReference(gradients);
        ref float m = ref MemoryMarshal.GetReference(first);
        ref float v = ref MemoryMarshal.GetReference(second);
        float negStep = -stepSize;
        float oneMinusBeta1 = 1f - beta1;
        float oneMinusBeta2 = 1f - beta2;
        float inverseRoot = 1f / secondCorrectionRoot;
        // The moments are flushed together, by v's rule (m alone could always be).
        float flushBelow = SubnormalFlush.ForDenominator(epsilon, inverseRoot);
        int i = 0;
        path = Simd.Resolve(path);
        if (path == KernelPath.Vector512)
        {
            Vector512<float> st = Vector512.Create(negStep), wd = Vector512.Create(coupledDecay), sh = Vector512.Create(shrink),
                b1 = Vector512.Create(oneMinusBeta1), b2 = Vector512.Create(beta2), c2 = Vector512.Create(oneMinusBeta2),
                root = Vector512.Create(inverseRoot), eps = Vector512.Create(epsilon), flush = Vector512.Create(flushBelow);
            for (; i + 16 <= n; i += 16)
            {
                Vector512<float> pv = Vector512.LoadUnsafe(ref p, (nuint)i) * sh;
                Vector512<float> gv = Simd.Fma(wd, pv, Vector512.LoadUnsafe(ref g, (nuint)i));
                Vector512<float> mv = Vector512.LoadUnsafe(ref m, (nuint)i);
                mv = SubnormalFlush.Apply(Simd.Fma(b1, gv - mv, mv), flush);
                Vector512<float> vv = SubnormalFlush.Apply(Simd.Fma(c2 * gv, gv, b2 * Vector512.LoadUnsafe(ref v, (nuint)i)), flush);
                mv.StoreUnsafe(ref m, (nuint)i);
                vv.StoreUnsafe(ref v, (nuint)i);
                Vector512<float> denominator = Simd.Fma(Vector512.Sqrt(vv), root, eps);
                Simd.Fma(st, mv / denominator, pv).StoreUnsafe(ref p, (nuint)i);
            }
        }

        if (path != KernelPath.Scalar)
        {
            Vector256<float> st = Vector256.Create(negStep), wd = Vector256.Create(coupledDecay), sh = Vector256.Create(shrink),
                b1 = Vector256.Create(oneMinusBeta1), b2 = Vector256.Create(beta2), c2 = Vector256.Create(oneMinusBeta2),
                root = Vector256.Create(inverseRoot), eps = Vector256.Create(epsilon), flush = Vector256.Create(flushBelow);
            for (; i + 8 <= n; i += 8)
            {
                Vector256<float> pv = Vector256.LoadUnsafe(ref p, (nuint)i) * sh;
                Vector256<float> gv = Simd.Fma(wd, pv, Vector256.LoadUnsafe(ref g, (nuint)i));
                Vector256<float> mv = Vector256.LoadUnsafe(ref m, (nuint)i);
                mv = SubnormalFlush.Apply(Simd.Fma(b1, gv - mv, mv), flush);
                Vector256<float> vv = SubnormalFlush.Apply(Simd.Fma(c2 * gv, gv, b2 * Vector256.LoadUnsafe(ref v, (nuint)i)), flush);
                mv.StoreUnsafe(ref m, (nuint)i);
                vv.StoreUnsafe(ref v, (nuint)i);
                Vector256<float> denominator = Simd.Fma(Vector256.Sqrt(vv), root, eps);
                Simd.Fma(st, mv / denominator, pv).StoreUnsafe(ref p, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            ref float pi = ref Unsafe.Add(ref p, i);
            ref float mi = ref Unsafe.Add(ref m, i);
            ref float vi = ref Unsafe.Add(ref v, i);
            float pv = pi * shrink;
            float gi = MathF.FusedMultiplyAdd(coupledDecay, pv, Unsafe.Add(ref g, i));
            mi = SubnormalFlush.Apply(MathF.FusedMultiplyAdd(oneMinusBeta1, gi - mi, mi), flushBelow);
            vi = SubnormalFlush.Apply(MathF.FusedMultiplyAdd(oneMinusBeta2 * gi, gi, beta2 * vi), flushBelow);
            float denominator = MathF.FusedMultiplyAdd(MathF.Sqrt(vi), inverseRoot, epsilon);
            pi = MathF.FusedMultiplyAdd(negStep, mi / denominator, pv);
        }
    }
}
