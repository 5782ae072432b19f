using HyperTune.SourceGenerators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HyperTune.SourceGenerators.Tests.Snapshots;

/// <summary>Configs at the edges of what the generator supports: each must generate code that compiles without a warning.</summary>
public class EdgeCaseTests
{
    [Theory]
    [InlineData("Keywords and names that clash with the generated locals", """
        public partial class Config
        {
            [Range(0.0, 1.0)] public double @class { get; set; }
            [Range(0.0, 1.0)] public double Random { get; set; }
            [Range(0.0, 1.0)] public double Baseline { get; set; }
            [Range(0.0, 1.0)] public double Template { get; set; }
            [Range(0.0, 1.0)] public double Unit { get; set; }
            [Range(0.0, 1.0)] public double Count { get; set; }
            [Range(0.0, 1.0)] public double Value { get; set; }
            [Range(0.0, 1.0)] public double PointsPerRange { get; set; }
            [Range(0.0, 1.0)] public double RandomGrid { get; set; }
            [Choice(1, 2)] public int Config2 { get; set; } = 1;
        }
        """)]
    [InlineData("A derived config hides its base's search space", """
        public partial class BaseConfig
        {
            [Range(0.0, 1.0)] public double A { get; set; }
        }

        public partial class DerivedConfig : BaseConfig
        {
            [Range(0.0, 1.0)] public double B { get; set; }
        }
        """)]
    [InlineData("Every primitive candidate type, nullable value types and enum values without a name", """
        public enum Mode { A = 1, B = 2 }

        public partial class Config
        {
            [Choice((byte)1, (byte)255)] public byte Byte { get; set; } = 1;
            [Choice(-1, 1)] public sbyte SByte { get; set; } = 1;
            [Choice(1, 300)] public short Short { get; set; } = 1;
            [Choice(1, 2)] public ushort UShort { get; set; } = 1;
            [Choice(1u, 4000000000u)] public uint UInt { get; set; } = 1;
            [Choice(1, 18446744073709551615ul)] public ulong ULong { get; set; } = 1;
            [Choice(-9223372036854775808L, 9223372036854775807L)] public long Long { get; set; } = 1;
            [Choice(0.5f, 2)] public float Float { get; set; } = 0.5f;
            [Choice(Mode.A, (Mode)7)] public Mode Mode { get; set; } = Mode.A;
            [Choice(1, null!)] public int? MaybeInt { get; set; }
            [Choice("x", null!)] public string? MaybeText { get; set; }
            [Choice("tab\t", "quote\"", "back\\slash")] public string Escapes { get; set; } = "tab\t";
        }
        """)]
    [InlineData("Ranges of every numeric kind, bounds beyond int, an explicit candidate array", """
        public partial class Config
        {
            [Range(-3000000000, 3000000000)] public long Wide { get; set; }
            [Range(1, 1000, Scale.Log)] public int LogInt { get; set; } = 1;
            [Range(1e-300, 1e300, Scale.Log)] public double Huge { get; set; } = 1;
            [Range(0.1, 0.7)] public float Narrow { get; set; } = 0.1f;
            [HiddenUnits(new[] { 64, 128 })] public long Units { get; set; } = 64;
            [BatchSize(1)] public int Single { get; set; } = 1;
        }
        """)]
    [InlineData("Only epochs: no dimension at all", """
        public partial record struct Config
        {
            public Config() { }
            [Epochs(5)] public int Epochs { get; set; } = 1;
        }
        """)]
    [InlineData("A readonly record struct with init-only dimensions, and a condition declared before its parent", """
        public readonly partial record struct Config
        {
            public Config() { }
            [Range(0.0, 1.0), ActiveWhen(nameof(Kind), "b", "c")] public double Strength { get; init; } = 0.5;
            [Choice("a", "b", "c")] public string Kind { get; init; } = "a";
            [Range(1, 4), ActiveWhen(nameof(Kind), "c")] public int Depth { get; init; } = 1;
        }
        """)]
    [InlineData("A class with private setters, an init-only fixed setting, a private constructor and a base class", """
        public class Settings
        {
            public int Inherited { get; set; } = 3;
            private int Hidden { get; set; }
        }

        public sealed partial class Config : Settings
        {
            private Config() { }
            [Range(0.0, 1.0)] public double A { get; private set; }
            public string Fixed { get; init; } = "f";
            public int ReadOnly => 4;
        }
        """)]
    [InlineData("A config in the global namespace and one of the same name in a namespace", """
        public partial class Config
        {
            [Range(0.0, 1.0)] public double A { get; set; }
        }

        namespace Other
        {
            public partial class Config
            {
                [Range(0.0, 1.0)] public double A { get; set; }
            }
        }
        """)]
    public void Generates_code_that_compiles_cleanly(string scenario, string body)
    {
        foreach (var nullable in new[] { NullableContextOptions.Enable, NullableContextOptions.Disable })
        {
            // Without nullable reference types, '?' on a reference type and '!' are not written.
            string source = "using HyperTune;\n" + (nullable == NullableContextOptions.Disable
                ? body.Replace("string?", "string", StringComparison.Ordinal).Replace("null!", "null", StringComparison.Ordinal)
                : body);

            var result = GeneratorRunner.Run(nullable, source);
            Assert.True(result.GeneratorDiagnostics.IsEmpty, $"{scenario} ({nullable}): {string.Join("\n", result.GeneratorDiagnostics)}");
            Assert.True(result.CompilerDiagnostics.IsEmpty, $"{scenario} ({nullable}): {string.Join("\n", result.CompilerDiagnostics)}");
            Assert.NotEmpty(result.Sources);
        }
    }

    [Fact]
    public void Derived_config_declares_its_search_space_new()
    {
        var result = GeneratorRunner.Run("""
            using HyperTune;
            public partial class BaseConfig { [Range(0.0, 1.0)] public double A { get; set; } }
            public partial class DerivedConfig : BaseConfig { [Range(0.0, 1.0)] public double B { get; set; } }
            """);
        Assert.Contains("public new static class SearchSpace", result.Sources["DerivedConfig.g.cs"], StringComparison.Ordinal);
        // A class is copied as a record's 'with' copies: every member it does not tune, base members included.
        Assert.Contains("(global::Config)baseline.MemberwiseClone()", GeneratorRunner.Run("""
            using HyperTune;
            public class Settings { public int Inherited { get; set; } }
            public partial class Config : Settings { [Range(0.0, 1.0)] public double A { get; set; } }
            """).Sources["Config.g.cs"], StringComparison.Ordinal);
    }
}
