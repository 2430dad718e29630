using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AmpController.Core.SerialConsole;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.SerialConsole;

/// <summary>
/// Issue 15 "Done when": the ESP32 app's console is the SerialPort adapter (the gate compiles it against the pinned
/// System.IO.Ports listing; these tests keep the wiring and the version text from drifting).
/// </summary>
[TestClass]
public class DeviceConsoleWiringTests
{
    private static string Esp32(string file) =>
        File.ReadAllText(Path.Combine(global::NanoCompat.RepositoryRoot.Require(System.AppContext.BaseDirectory), "firmware",
            "AmpController.Esp32", file));

    [TestMethod]
    public void The_ESP32_app_reads_its_console_from_COM2_through_SerialTerminal_with_the_service_procedures()
    {
        string program = Esp32("Program.cs");
        StringAssert.Contains(program, "Esp32SerialPort.Open(debug)");
        StringAssert.Contains(program, "new SerialTerminal(port, true)");
        StringAssert.Contains(program, "new ConsoleSession(terminal, shell, terminal)", "lines come from the UART, replies go back");
        StringAssert.Contains(program, "_terminal.Pump()", "queued output leaves every loop period");
        StringAssert.Contains(program, "new ConsoleService(amp.Controller, service, RuntimeVersion)");
        string port = Esp32(Path.Combine("Adapters", "Esp32SerialPort.cs"));
        StringAssert.Contains(port, "new SerialPort(PortName, BaudRate, Parity.None, 8, StopBits.One)");
        StringAssert.Contains(port, "DeviceFunction.COM2_RX");
        StringAssert.Contains(port, "DeviceFunction.COM2_TX");
    }

    [TestMethod]
    public void Version_lists_exactly_the_packages_the_ESP32_app_is_built_against()
    {
        var packages = XDocument.Parse(Esp32("packages.config")).Root!.Elements("package")
            .Select(p => p.Attribute("id")!.Value + " " + p.Attribute("version")!.Value).ToArray();
        string[] listed = FirmwareVersion.Packages.Split(", ");
        CollectionAssert.AreEqual(packages, listed);
        StringAssert.Contains(FirmwareVersion.Packages, "nanoFramework.System.IO.Ports 1.1.139");
        Assert.IsTrue(Regex.IsMatch(FirmwareVersion.ImageWindow, @"1\.16\.0\.x to 1\.17\.0\.x"), FirmwareVersion.ImageWindow);
    }
}
