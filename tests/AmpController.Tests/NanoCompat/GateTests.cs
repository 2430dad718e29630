using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoCompat.Gate;
using NanoCompat.Stubs;

namespace AmpController.Tests.NanoCompat;

/// <summary>
/// The nanoFramework compatibility gate (tests/nano-compat.sh, tools/NanoCompat): fails on each construct the device
/// lacks, naming it, and passes on the real firmware sources.
/// </summary>
[TestClass]
public class GateTests
{
    internal static NanoReferences Refs => NanoReferences.Default;

    internal static CheckResult CheckBody(string members, string usings = "") =>
        RepositoryCheck.RunSources([new SourceFile("Sample.cs", usings + "\nusing System;\nnamespace Sample\n{\n    public class C\n    {\n" + members + "\n    }\n}\n")], Refs);

    internal static void AssertFailsNaming(CheckResult result, string api)
    {
        Assert.IsFalse(result.Ok, "the gate accepted code using " + api);
        var text = string.Join("\n", result.Problems);
        Assert.IsTrue(result.Problems.Any(p => p.Message.Contains(api, StringComparison.Ordinal)),
            $"no problem names '{api}':\n{text}");
        Assert.IsTrue(result.Problems.All(p => p.File == "Sample.cs" && p.Line > 0), text);
    }

    [TestMethod]
    public void Fails_on_List_of_T() =>
        AssertFailsNaming(CheckBody("public int F() { var l = new List<int>(); return l.Count; }", "using System.Collections.Generic;"), "List<");

    [TestMethod]
    public void Fails_on_Linq_call() =>
        AssertFailsNaming(CheckBody("public int F(int[] a) { return a.Where(x => x > 1).Count(); }", "using System.Linq;"), "Where");

    [TestMethod]
    public void Fails_on_Linq_using() =>
        AssertFailsNaming(CheckBody("", "using System.Linq;"), "Linq");

    [TestMethod]
    public void Fails_on_Span_of_T() =>
        AssertFailsNaming(CheckBody("public int F(byte[] a) { Span<byte> s = a; return s.Length; }"), "Span<");

    [TestMethod]
    public void Fails_on_stackalloc() =>
        AssertFailsNaming(CheckBody("public int F() { var s = stackalloc byte[4]; return s.Length; }"), "stackalloc");

    [TestMethod]
    public void Fails_on_async_await() =>
        AssertFailsNaming(CheckBody("public async void F() { await System.Threading.Tasks.Task.Delay(1); }"), "async/await");

    [TestMethod]
    public void Fails_on_tuple() =>
        AssertFailsNaming(CheckBody("public (int, int) F() { return (1, 2); }"), "ValueTuple");

    [TestMethod]
    public void Fails_on_string_Join() =>
        AssertFailsNaming(CheckBody("public string F(string[] a) { return string.Join(\",\", a); }"), "Join");

    [TestMethod]
    public void Fails_on_string_Replace_which_api_txt_does_not_list() =>
        AssertFailsNaming(CheckBody("public string F(string a) { return a.Replace(\"x\", \"y\"); }"), "Replace");

    [TestMethod]
    public void Fails_on_Math_Round_with_digits_which_api_txt_does_not_list() =>
        AssertFailsNaming(CheckBody("public double F(double x) { return Math.Round(x, 2); }"), "Round");

    [TestMethod]
    public void Fails_on_a_user_generic_class() =>
        AssertFailsNaming(RepositoryCheck.RunSources([new SourceFile("Sample.cs", "namespace Sample { public class Box<T> { } }")], Refs), "Box<T>");

    [TestMethod]
    public void Fails_on_a_user_generic_method() =>
        AssertFailsNaming(CheckBody("public static T Id<T>(T x) { return x; }"), "Id<T>");

    [TestMethod]
    public void Fails_on_nullable_value_type() =>
        AssertFailsNaming(CheckBody("public int? F() { return null; }"), "int?");

    [TestMethod]
    public void Fails_on_decimal_record_multidimensional_array_and_collection_expression()
    {
        AssertFailsNaming(CheckBody("public decimal D;"), "decimal");
        AssertFailsNaming(RepositoryCheck.RunSources([new SourceFile("Sample.cs", "namespace Sample { public record R(int A); }")], Refs), "record");
        AssertFailsNaming(CheckBody("public int[,] G = new int[2, 2];"), "multidimensional");
        AssertFailsNaming(CheckBody("public int[] A = [1, 2];"), "collection expression");
    }

    [TestMethod]
    public void Fails_on_format_specifier_the_device_does_not_know() =>
        AssertFailsNaming(CheckBody("public string F(double x) { return $\"{x:0.00}\"; }"), "'0.00'");

    [TestMethod]
    public void Fails_on_a_device_library_member_api_txt_does_not_list() =>
        AssertFailsNaming(CheckBody("public void F(System.Device.I2c.I2cDevice d) { d.Flush(); }"), "Flush");

    [TestMethod]
    public void Fails_on_a_shared_test_using_the_host_only_delta_overload() =>
        AssertFailsNaming(RepositoryCheck.RunSources([new SourceFile("Sample.cs",
            """
            #if NANOFRAMEWORK_1_0
            using nanoFramework.TestFramework;
            #else
            using Microsoft.VisualStudio.TestTools.UnitTesting;
            #endif
            namespace Sample
            {
                [TestClass]
                public class T
                {
                    [TestMethod]
                    public void Near() { Assert.AreEqual(1.0, 1.05, 0.1); }
                }
            }
            """)], Refs), "cannot convert from 'double' to 'string'");

    [TestMethod]
    public void Nullable_analysis_runs_in_the_gate_as_in_the_firmware_build() =>
        // Directory.Build.props enables nullable; against nanoFramework's mscorlib the compiler synthesizes
        // NullableAttribute itself (the passing sample below emits with 'string?' fields), and warns as usual.
        AssertFailsNaming(CheckBody("public int F(string? s) { return s.Length; }"), "possibly null");

    [TestMethod]
    public void Passes_on_what_the_device_has()
    {
        var result = CheckBody(
            """
            readonly byte[] buffer = new byte[2];
            string? name;
            public int F(double x, ArrayList list, System.Collections.Hashtable table)
            {
                foreach (object o in list) { if (o is int i && table.Contains(i)) return i; }
                lock (buffer) { name = $"{x:F2} {(int)x,4:D}"; }
                var sb = new System.Text.StringBuilder();
                sb.Append(name).Append(Math.Log10(x));
                var device = new System.Device.I2c.I2cDevice(new System.Device.I2c.I2cConnectionSettings(1, 0x28));
                var r = device.WriteRead(buffer, buffer);
                return r.Status == System.Device.I2c.I2cTransferStatus.FullTransfer ? (int)r.BytesTransferred : -1;
            }
            """, "using System.Collections;");
        Assert.IsTrue(result.Ok, string.Join("\n", result.Problems));
    }

    [TestMethod]
    public void Passes_on_the_real_firmware_sources()
    {
        var result = RepositoryCheck.Run(RepoRoot(), Refs);
        Assert.IsTrue(result.Ok, string.Join("\n", result.Problems));
        Assert.IsTrue(result.FileCount >= 10, "the gate saw only " + result.FileCount + " files");
    }

    [TestMethod]
    public void Every_stub_assembly_of_api_txt_compiles_without_dotnet_libraries()
    {
        var names = Refs.Api.Where(a => !a.IsCoreLibrary).Select(a => a.Name).ToList();
        CollectionAssert.AreEquivalent(names, Refs.Stubs.Keys.ToList());
        // 22 with the serial, networking, web server, JSON and resource assemblies (issue #15's API refresh).
        Assert.AreEqual(22, names.Count);
        StringAssert.Contains(Refs.StubSources["System.Device.I2c"], "I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer)");
    }

    internal static string RepoRoot() => global::NanoCompat.RepositoryRoot.Require(AppContext.BaseDirectory);
}
