using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoCompat.Api;
using static AmpController.Tests.NanoCompat.GateTests;

namespace AmpController.Tests.NanoCompat;

/// <summary>
/// The refreshed listing (issue #15): serial, networking, web server, JSON and resources, and the two line forms it
/// introduced (extension methods, explicit interface implementations), read by the parser and honoured by the stubs.
/// </summary>
[TestClass]
public class ApiListingTests
{
    const string Header = "######## ASSEMBLY Demo  [package Demo.Package 1.0.0]\n#### Demo / namespace Demo\n";

    [TestMethod]
    public void Parser_reads_an_extension_method_and_an_explicit_interface_implementation()
    {
        var api = ApiParser.Parse(Header +
            "type public static class Demo.Extensions : System.Object\n    method  public static int Twice(this string s)\n\n" +
            "type public sealed class Demo.Handle : System.Object, System.IDisposable\n    method  public void Close()\n    method  void IDisposable.Dispose()\n");
        var twice = api[0].Types[0].Members.Single();
        Assert.IsTrue(twice.IsExtension);
        Assert.IsNull(twice.ExplicitInterface);
        var members = api[0].Types[1].Members;
        Assert.IsFalse(members[0].IsExplicitInterfaceImplementation);
        Assert.AreEqual("IDisposable", members[1].ExplicitInterface);
        Assert.IsFalse(members[1].IsExtension);
    }

    [TestMethod]
    public void Parser_rejects_a_member_without_accessibility_that_is_no_interface_implementation()
    {
        var e = Assert.ThrowsExactly<FormatException>(() => ApiParser.Parse(Header + "type public class Demo.C : System.Object\n    method  void Dispose()\n"));
        StringAssert.Contains(e.Message, "api.txt:4");
        Assert.ThrowsExactly<FormatException>(() => ApiParser.Parse(Header + "type public static class Demo.E : System.Object\n    method  public int Twice(this string s)\n"));
    }

    [TestMethod]
    public void Listed_line_forms_occur_in_the_refreshed_api_txt()
    {
        var members = ApiParser.AllTypes(Refs.Api).SelectMany(t => t.Members).ToList();
        Assert.IsTrue(members.Count(m => m.IsExtension) >= 2, "HttpListenerRequestExtensions.ReadBody/ReadForm");
        Assert.IsTrue(members.Count(m => m.ExplicitInterface == "IDisposable") >= 2, "Socket, HttpListenerResponse");
    }

    [TestMethod]
    public void Extension_methods_of_the_listing_are_extension_methods_in_the_stubs() =>
        Assert.IsTrue(CheckBody("public byte[] F(HttpListenerRequest r) { return r.ReadBody(); }",
            "using System.Net;\nusing nanoFramework.WebServer;").Ok);

    [TestMethod]
    public void An_explicit_Dispose_is_reachable_through_the_interface_only()
    {
        var viaInterface = CheckBody("public void F(HttpListenerResponse r) { using (r) { r.Close(); } ((IDisposable)r).Dispose(); }", "using System.Net;");
        Assert.IsTrue(viaInterface.Ok, string.Join("\n", viaInterface.Problems));
        AssertFailsNaming(CheckBody("public void F(HttpListenerResponse r) { r.Dispose(); }", "using System.Net;"), "Dispose");
    }

    [TestMethod]
    public void Device_console_surface_compiles_SerialPort_on_COM2_with_pin_functions()
    {
        var result = CheckBody(
            """
            public int F()
            {
                nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(16, nanoFramework.Hardware.Esp32.DeviceFunction.COM2_RX);
                nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(17, nanoFramework.Hardware.Esp32.DeviceFunction.COM2_TX);
                var port = new System.IO.Ports.SerialPort("COM2", 115200);
                port.Open();
                port.Write("> ");
                return port.BytesToRead + System.IO.Ports.SerialPort.GetPortNames().Length;
            }
            """);
        Assert.IsTrue(result.Ok, string.Join("\n", result.Problems));
    }

    [TestMethod]
    public void README_version_table_lists_every_assembly_of_api_txt_with_its_version()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot(), "third_party/nanoframework/README.md"));
        foreach (var assembly in Refs.Api)
            Assert.IsTrue(Regex.IsMatch(readme, $@"^\| {Regex.Escape(assembly.PackageId)} \| {Regex.Escape(assembly.Name)} \| {Regex.Escape(assembly.Version)}[ |]", RegexOptions.Multiline),
                $"README.md has no version row for {assembly.PackageId} {assembly.Name} {assembly.Version}");
    }
}
