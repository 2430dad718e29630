using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static AmpController.Tests.NanoCompat.GateTests;

namespace AmpController.Tests.NanoCompat;

/// <summary>
/// Escapes found by review (issue #13): code the compiler accepts against nanoFramework's mscorlib but the 1.x runtime
/// runs differently or not at all. Each must fail the gate with its own code; the fixed form must pass.
/// </summary>
[TestClass]
public class GateEscapeTests
{
    const string Mode = "public enum Mode { Off, On }\n";

    static void AssertCode(string members, string code, string names)
    {
        var result = CheckBody(members);
        AssertFailsNaming(result, names);
        Assert.IsTrue(result.Problems.Any(p => p.Code == code), $"expected {code}:\n{string.Join("\n", result.Problems)}");
    }

    static void AssertPasses(string members)
    {
        var result = CheckBody(members);
        Assert.IsTrue(result.Ok, string.Join("\n", result.Problems));
    }

    [TestMethod]
    public void Fails_on_a_lambda_whose_natural_type_is_Func_of_int() =>
        AssertCode("public int F() { var f = () => 1; return f(); }", "NANO014", "System.Func<int>");

    [TestMethod]
    public void Fails_on_a_method_group_whose_natural_type_is_Func() =>
        AssertCode("int One() { return 1; } public void F() { var g = One; }", "NANO014", "System.Func<int>");

    [TestMethod]
    public void Fails_on_a_lambda_with_parameters_whose_natural_type_is_Action_of_T() =>
        AssertCode("public void F() { var a = (int x) => { }; a(2); }", "NANO014", "System.Action<int>");

    [TestMethod]
    public void Fails_on_a_lambda_passed_where_mscorlib_takes_a_generic_delegate() =>
        AssertCode("event EventHandler Changed; public void F() { Changed += (s, e) => { }; Run(x => x + 1); } static void Run(Func<int, int> f) { }",
            "NANO014", "System.Func<int, int>");

    [TestMethod]
    public void Passes_on_a_lambda_given_a_declared_non_generic_delegate_type() =>
        AssertPasses("public delegate int IntSource(); public int F() { IntSource f = () => 1; return f(); }");

    [TestMethod]
    public void Fails_on_enum_ToString() =>
        AssertCode(Mode + "public string F(Mode m) { return m.ToString(); }", "NANO015", "m.ToString()");

    [TestMethod]
    public void Fails_on_an_enum_concatenated_appended_or_interpolated_into_a_string()
    {
        AssertCode(Mode + "public string F(Mode m) { return \"mode \" + m; }", "NANO015", "concatenated");
        AssertCode(Mode + "public string F(Mode m) { string s = \"mode \"; s += m; return s; }", "NANO015", "appended");
        AssertCode(Mode + "public string F(Mode m) { return $\"mode {m}\"; }", "NANO015", "interpolated");
    }

    [TestMethod]
    public void Fails_on_an_enum_boxed_into_Format_or_StringBuilder_Append()
    {
        AssertCode(Mode + "public string F(Mode m) { return string.Format(\"{0}\", m); }", "NANO015", "passed to Format");
        AssertCode(Mode + "public string F(Mode m) { return new System.Text.StringBuilder().Append(m).ToString(); }", "NANO015", "passed to Append");
    }

    [TestMethod]
    public void Passes_on_an_enum_as_its_number_or_its_nameof() =>
        AssertPasses(Mode + "public string F(Mode m) { return \"mode \" + ((int)m).ToString() + nameof(Mode.On) + (m == Mode.On ? \"on\" : \"off\"); }");

    [TestMethod]
    public void Fails_on_a_number_format_passed_in_a_variable()
    {
        AssertCode("public string F(double x, string fmt) { return x.ToString(fmt); }", "NANO016", "'fmt'");
        AssertCode("public string F(double x, string fmt) { return string.Format(fmt, x); }", "NANO016", "'fmt'");
        AssertCode("static string Pick(bool b) { return b ? \"F1\" : \"F2\"; } public string F(double x, bool b) { return x.ToString(Pick(b)); }", "NANO016", "Pick(b)");
    }

    [TestMethod]
    public void Checks_a_const_format_like_a_literal()
    {
        AssertCode("const string Fmt = \"0.0\"; public string F(double x) { return x.ToString(Fmt); }", "NANO013", "'0.0'");
        AssertCode("const string Fmt = \"{0:0.0}\"; public string F(double x) { return string.Format(Fmt, x); }", "NANO013", "'0.0'");
        AssertPasses("const string Fmt = \"F2\"; public string F(double x) { return x.ToString(Fmt) + string.Format(\"{0:X4}\", (int)x); }");
    }
}
