using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoCompat.Gate;
using NanoCompat.Stubs;

namespace AmpController.Tests.NanoCompat;

/// <summary>
/// The Visual Studio device projects (.nfproj + packages.config) cannot be built on Linux; these tests keep them honest:
/// pinned versions, HintPaths, the shared source set, and the solution filter that keeps them out of `dotnet build`.
/// </summary>
[TestClass]
public class DeviceProjectTests
{
    static readonly string Root = GateTests.RepoRoot();
    static readonly XNamespace Msb = "http://schemas.microsoft.com/developer/msbuild/2003";

    static readonly string[] NfProjects =
    [
        "firmware/AmpController.Core/AmpController.Core.nfproj",
        "firmware/AmpController.Esp32/AmpController.Esp32.nfproj",
        "tests/AmpController.Device.Tests/AmpController.Device.Tests.nfproj",
    ];

    /// <summary>third_party/nanoframework/README.md: the fully consistent pin set is api.txt's versions, except Hardware.Esp32 1.6.40.</summary>
    static string PinnedVersion(string packageId)
    {
        if (packageId == "nanoFramework.Hardware.Esp32") return "1.6.40";
        return NanoReferences.Default.AssemblyOfPackage(packageId)?.Version ?? throw new AssertFailedException(packageId + " is not in api.txt");
    }

    static List<(string Id, string Version)> Packages(string nfproj) =>
        XDocument.Load(Path.Combine(Root, Path.GetDirectoryName(nfproj)!, "packages.config")).Descendants("package")
            .Select(p => ((string)p.Attribute("id")!, (string)p.Attribute("version")!)).ToList();

    [TestMethod]
    public void Every_packages_config_pins_the_README_versions()
    {
        foreach (string nfproj in NfProjects)
            foreach (var (id, version) in Packages(nfproj))
                Assert.AreEqual(PinnedVersion(id), version, $"{nfproj}: {id}");
    }

    [TestMethod]
    public void Every_nfproj_reference_points_at_its_packages_config_version()
    {
        foreach (string nfproj in NfProjects)
        {
            var doc = XDocument.Load(Path.Combine(Root, nfproj));
            var hintPaths = doc.Descendants(Msb + "HintPath").Select(h => h.Value).ToList();
            foreach (var (id, version) in Packages(nfproj))
            {
                string assembly = NanoReferences.Default.AssemblyOfPackage(id)!.Name;
                string expected = $@"..\..\packages\{id}.{version}\lib\{assembly}.dll";
                CollectionAssert.Contains(hintPaths, expected, $"{nfproj} lacks the HintPath of {id}");
            }
            foreach (string hint in hintPaths)
                Assert.IsTrue(Packages(nfproj).Any(p => hint.StartsWith($@"..\..\packages\{p.Id}.{p.Version}\lib\", StringComparison.Ordinal)),
                    $"{nfproj}: {hint} is not from a package of its packages.config");
            StringAssert.Contains(doc.ToString(), "{11A8DD76-328B-46DF-9F39-F559912D0360}", nfproj + " is not a nanoFramework project");
        }
    }

    [TestMethod]
    public void Gate_uses_the_same_packages_config_as_each_device_project()
    {
        foreach (string nfproj in NfProjects)
        {
            var project = RepositoryCheck.Projects.Single(p => p.PackagesConfig == Path.GetDirectoryName(nfproj)!.Replace('\\', '/') + "/packages.config");
            string assemblyName = (string)XDocument.Load(Path.Combine(Root, nfproj)).Descendants(Msb + "AssemblyName").Single();
            Assert.AreEqual(assemblyName, project.AssemblyName, nfproj);
        }
    }

    [TestMethod]
    public void Core_device_project_compiles_the_host_projects_files_not_a_copy()
    {
        var doc = XDocument.Load(Path.Combine(Root, NfProjects[0]));
        var compile = doc.Descendants(Msb + "Compile").Single();
        Assert.AreEqual(@"**\*.cs", (string?)compile.Attribute("Include"));
        Assert.AreEqual(@"obj\**;bin\**", (string?)compile.Attribute("Exclude"));
        // The host csproj globs the same folder by default (SDK), so both see exactly the gate's file list.
        Assert.IsFalse(File.ReadAllText(Path.Combine(Root, "firmware/AmpController.Core/AmpController.Core.csproj")).Contains("EnableDefaultCompileItems"));
    }

    [TestMethod]
    public void Device_tests_list_every_shared_test_file_explicitly()
    {
        // The nanoFramework test adapter reads Compile items literally: a wildcard item discovers no tests (issue #13).
        var doc = XDocument.Load(Path.Combine(Root, NfProjects[2]));
        Assert.AreEqual("NFUnitTest", (string)doc.Descendants(Msb + "AssemblyName").Single());
        var items = doc.Descendants(Msb + "Compile").ToList();
        foreach (var item in items)
        {
            string include = (string)item.Attribute("Include")!;
            Assert.IsFalse(include.Contains('*'), "wildcard Compile item: " + include);
            Assert.IsTrue(include.StartsWith(@"..\Shared\", StringComparison.Ordinal), "not a shared test file: " + include);
            Assert.AreEqual(@"Shared\" + include[@"..\Shared\".Length..], (string?)item.Attribute("Link"), include + " is linked under another name");
        }
        var listed = items.Select(i => ((string)i.Attribute("Include")!)[@"..\Shared\".Length..].Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        string shared = Path.Combine(Root, "tests/Shared");
        var onDisk = RepositoryCheck.SourceFiles(shared).Select(f => Path.GetRelativePath(shared, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.IsTrue(onDisk.Count >= 2, "tests/Shared has too few files: " + onDisk.Count);
        CollectionAssert.AreEqual(onDisk, listed,
            $"tests/AmpController.Device.Tests/AmpController.Device.Tests.nfproj must list exactly tests/Shared: missing [{string.Join(", ", onDisk.Except(listed))}], extra [{string.Join(", ", listed.Except(onDisk))}]");
    }

    [TestMethod]
    public void Host_solution_filter_leaves_the_nfproj_projects_out_and_the_solution_has_them()
    {
        string filter = File.ReadAllText(Path.Combine(Root, "AmpController.Host.slnf"));
        string solution = File.ReadAllText(Path.Combine(Root, "firmware/AmpController.sln"));
        foreach (string nfproj in NfProjects)
        {
            Assert.IsFalse(filter.Contains(Path.GetFileName(nfproj)), nfproj + " would break dotnet build on Linux");
            StringAssert.Contains(solution, Path.GetRelativePath(Path.Combine(Root, "firmware"), Path.Combine(Root, nfproj)).Replace('/', '\\'));
        }
    }

    [TestMethod]
    public void BoardPins_and_hardware_pinmap_agree()
    {
        string pins = File.ReadAllText(Path.Combine(Root, "firmware/AmpController.Esp32/BoardPins.cs"));
        string pinmap = File.ReadAllText(Path.Combine(Root, "hardware/pinmap.md"));
        var constants = Regex.Matches(pins, @"public const int (\w+) = (\d+);").Select(m => (Name: m.Groups[1].Value, Value: m.Groups[2].Value)).ToList();
        Assert.IsTrue(constants.Count >= 10, "BoardPins has too few pins: " + constants.Count);
        foreach (var (name, value) in constants)
            Assert.IsTrue(Regex.IsMatch(pinmap, $@"^\|[^\n]*`{name}`[^\n]*\|\s*{value}\s*\|", RegexOptions.Multiline),
                $"hardware/pinmap.md has no table row for `{name}` = {value}");
    }

    [TestMethod]
    public void Output_relay_is_not_a_strapping_or_boot_toggling_pin()
    {
        string pins = File.ReadAllText(Path.Combine(Root, "firmware/AmpController.Esp32/BoardPins.cs"));
        int relay = int.Parse(Regex.Match(pins, @"OutputRelay = (\d+);").Groups[1].Value);
        // ESP32 datasheet §2.4 strapping pins 0, 2, 5, 12, 15; 1/3 UART0; 6–11 flash; 14 and 5/15 toggle at boot; 34–39 input only.
        int[] unsafePins = [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 34, 35, 36, 37, 38, 39];
        CollectionAssert.DoesNotContain(unsafePins, relay);
    }
}
