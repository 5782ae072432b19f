namespace HyperTune.Analyzers.Tests;

public class SmokeTests
{
    [Fact]
    public void Library_loads() => Assert.Equal("HyperTune", typeof(HyperTune.Scale).Assembly.GetName().Name);
}
