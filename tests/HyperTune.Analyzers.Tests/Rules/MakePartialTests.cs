using AtTypeName = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Configs.ConfigAnalyzer, HyperTune.CodeFixes.Fixes.MakePartialCodeFixProvider>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>The HT0008 fix, on the diagnostics ConfigAnalyzer reports (at the names of the types that must be partial).</summary>
public class MakePartialTests
{
    [Fact]
    public Task Makes_a_class_partial_after_its_modifiers() => AtTypeName.VerifyFixAsync("""
        using HyperTune;
        public sealed class {|HT0008:Config|}
        {
            [BatchSize(32, 64)]
            public int BatchSize { get; set; }
        }
        """, """
        using HyperTune;
        public sealed partial class Config
        {
            [BatchSize(32, 64)]
            public int BatchSize { get; set; }
        }
        """);

    [Fact]
    public Task Makes_a_record_struct_without_modifiers_partial_and_keeps_its_trivia() => AtTypeName.VerifyFixAsync("""
        using HyperTune;

        // The config.
        [System.Serializable]
        record struct {|HT0008:Config|}
        {
            [BatchSize(32, 64)]
            public int BatchSize { get; set; }
        }
        """, """
        using HyperTune;

        // The config.
        [System.Serializable]
        partial record struct Config
        {
            [BatchSize(32, 64)]
            public int BatchSize { get; set; }
        }
        """);

    [Fact]
    public Task Makes_the_flagged_types_and_their_container_partial_once_under_fix_all()
    {
        var test = AtTypeName.Create(
            """
            using HyperTune;
            public static class {|CS0260:{|HT0008:Outer|}|}
            {
                public class {|HT0008:First|}
                {
                    [BatchSize(32, 64)]
                    public int BatchSize { get; set; }
                }

                public class {|HT0008:Second|}
                {
                    [Epochs(10)]
                    public int Epochs { get; set; }
                }
            }
            """,
            """
            using HyperTune;
            public static partial class Outer
            {
                public partial class First
                {
                    [BatchSize(32, 64)]
                    public int BatchSize { get; set; }
                }

                public partial class Second
                {
                    [Epochs(10)]
                    public int Epochs { get; set; }
                }
            }
            """,
            equivalenceKey: null,
            iterations: null);

        // A second declaration of the container elsewhere: already partial there, left as it is.
        test.TestState.Sources.Add(("Other.cs", "public static partial class Outer\n{\n    public static int Count => 0;\n}\n"));
        test.FixedState.Sources.Add(("Other.cs", "public static partial class Outer\n{\n    public static int Count => 0;\n}\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Makes_every_declaration_of_a_container_partial_across_documents()
    {
        var test = AtTypeName.Create(
            """
            using HyperTune;
            public class {|HT0008:Outer|}
            {
                public class {|HT0008:Config|}
                {
                    [BatchSize(32, 64)]
                    public int BatchSize { get; set; }
                }
            }
            """,
            """
            using HyperTune;
            public partial class Outer
            {
                public partial class Config
                {
                    [BatchSize(32, 64)]
                    public int BatchSize { get; set; }
                }
            }
            """,
            equivalenceKey: null,
            iterations: null);
        // The container is declared twice, neither partial (CS0101 until the fix): both get partial.
        test.TestState.Sources.Add(("Other.cs", "public class {|CS0101:Outer|}\n{\n    public static int Count => 0;\n}\n"));
        test.FixedState.Sources.Add(("Other.cs", "public partial class Outer\n{\n    public static int Count => 0;\n}\n"));
        return test.RunAsync();
    }
}
