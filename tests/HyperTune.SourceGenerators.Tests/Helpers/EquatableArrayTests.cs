using System.Collections.Immutable;
using HyperTune.Roslyn;

namespace HyperTune.SourceGenerators.Tests.Helpers;

public class EquatableArrayTests
{
    [Fact]
    public void Arrays_with_equal_elements_are_equal_and_hash_alike()
    {
        var a = new[] { "x", "y" }.ToEquatableArray();
        var b = ImmutableArray.Create("x", "y").ToEquatableArray();

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Order_and_length_matter()
    {
        var a = new[] { 1, 2 }.ToEquatableArray();
        Assert.NotEqual(a, new[] { 2, 1 }.ToEquatableArray());
        Assert.NotEqual(a, new[] { 1, 2, 3 }.ToEquatableArray());
        Assert.True(a != new[] { 1 }.ToEquatableArray());
    }

    [Fact]
    public void Default_and_empty_are_the_same_empty_array()
    {
        EquatableArray<int> none = default;
        Assert.Equal(EquatableArray<int>.Empty, none);
        Assert.Empty(none);
        Assert.True(none.IsEmpty);
        Assert.Equal(EquatableArray<int>.Empty.GetHashCode(), none.GetHashCode());
        Assert.True(new EquatableArray<int>(default(ImmutableArray<int>)).IsEmpty);
    }

    [Fact]
    public void Records_holding_arrays_compare_by_value()
    {
        var first = new Holder("a", new[] { 1, 2, 3 }.ToEquatableArray());
        var second = new Holder("a", new List<int> { 1, 2, 3 }.ToEquatableArray());
        Assert.Equal(first, second);
        Assert.NotEqual(first, second with { Values = new[] { 1, 2 }.ToEquatableArray() });
    }

    [Fact]
    public void Is_immutable_against_the_source_array()
    {
        var source = new[] { 1, 2 };
        var array = source.ToEquatableArray();
        source[0] = 9;
        Assert.Equal(1, array[0]);
        Assert.Equal(new[] { 1, 2 }, array.AsImmutableArray());
    }

    private sealed record Holder(string Name, EquatableArray<int> Values);
}
