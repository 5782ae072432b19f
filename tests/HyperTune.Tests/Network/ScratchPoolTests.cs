using HyperTune.Network;

namespace HyperTune.Tests.Network;

/// <summary>The pool of run buffers: size classes, reuse, and that a reused buffer starts as a fresh one.</summary>
public class ScratchPoolTests
{
    public static TheoryData<int> Lengths() => new()
    {
        1024, 1025, 1279, 1280, 1281, 2047, 2048, 4096 + 17, 203_530, 203_530 + 16, 784 * 256, 1 << 20, (1 << 24) + 1, 1_000_000_007, Array.MaxLength,
    };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void A_size_class_holds_the_request_and_wastes_at_most_a_quarter(int length)
    {
        int size = ScratchPool<float>.ClassSize(ScratchPool<float>.ClassOf(length));

        Assert.InRange(size, length, Math.Min(Array.MaxLength, length + (length / 4L)));
    }

    [Fact]
    public void Every_class_size_is_its_own_class()
    {
        for (int index = ScratchPool<float>.ClassOf(ScratchPool<float>.MinPooledLength); ScratchPool<float>.ClassSize(index) < Array.MaxLength; index++)
        {
            int size = ScratchPool<float>.ClassSize(index);
            Assert.Equal(index, ScratchPool<float>.ClassOf(size));
            Assert.True(ScratchPool<float>.ClassSize(index + 1) > size, $"class {index + 1} is not larger than class {index}");
        }
    }

    [Fact]
    public void A_returned_array_is_rented_again_and_a_small_one_is_not_pooled()
    {
        // An odd size of doubles: no other test's buffers share its class.
        const int length = 777_777;
        double[] first = ScratchPool<double>.Rent(length, out bool fresh);
        Assert.True(fresh);
        Assert.True(first.Length >= length);
        int returned = ScratchPool<double>.ReturnedOnThisThread;
        ScratchPool<double>.Return(first);
        Assert.Equal(returned + 1, ScratchPool<double>.ReturnedOnThisThread);

        double[] second = ScratchPool<double>.Rent(length, out fresh);

        Assert.False(fresh);
        Assert.Same(first, second);

        double[] small = ScratchPool<double>.Rent(1000, out _);
        ScratchPool<double>.Return(small);
        Assert.Equal(returned + 1, ScratchPool<double>.ReturnedOnThisThread);
        Assert.Equal(1000, small.Length);
    }

    [Fact]
    public void A_reused_buffer_starts_zeroed_and_a_recycled_one_cannot_be_used()
    {
        const int length = 333_333;
        var buffer = new AlignedBuffer<double>(length);
        buffer.Span.Fill(42);
        buffer.Recycle();
        buffer.Recycle(); // idempotent: handed back once
        Assert.Throws<ObjectDisposedException>(() => buffer.Span.Length);

        int reused = ScratchPool<double>.ReusedOnThisThread;
        var again = new AlignedBuffer<double>(length);

        Assert.Equal(reused + 1, ScratchPool<double>.ReusedOnThisThread);
        Assert.Equal(length, again.Span.Length);
        Assert.True(again.Span.IndexOfAnyExcept(0.0) < 0, "a reused buffer kept the previous run's values");
        unsafe
        {
            fixed (double* start = again.Span)
            {
                Assert.Equal(0, (long)start % 64);
            }
        }
    }
}
