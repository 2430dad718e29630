using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoCompat.Stubs;

namespace AmpController.Tests.NanoCompat;

/// <summary>
/// Every assembly reference of the device projects against third_party/nanoframework/assembly-versions.md (issue #13):
/// a known assembly version is written in full; an unestablished one is a bare name, never a made-up version.
/// </summary>
[TestClass]
public class AssemblyVersionTests
{
    static readonly string Root = GateTests.RepoRoot();
    static readonly XNamespace Msb = "http://schemas.microsoft.com/developer/msbuild/2003";
    const string NotEstablished = "not established";
    const string Token = ", Culture=neutral, PublicKeyToken=c07d481e9758c731";

    sealed record Row(string Package, string Version, string Assembly, string AssemblyVersion);

    static List<Row> Table()
    {
        var rows = Regex.Matches(File.ReadAllText(Path.Combine(Root, "third_party/nanoframework/assembly-versions.md")),
                @"^\| (nanoFramework\.\S+) \| (\S+) \| (\S+) \| ([^|]+?) \|", RegexOptions.Multiline)
            .Select(m => new Row(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value)).ToList();
        Assert.IsTrue(rows.Count >= 20, "assembly-versions.md has " + rows.Count + " rows");
        return rows;
    }

    static IEnumerable<string> NfProjects() =>
        new[] { "firmware", "tests" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*.nfproj", SearchOption.AllDirectories))
            .Where(p => !p.Contains("/bin/") && !p.Contains("/obj/"));

    [TestMethod]
    public void Table_rows_are_a_four_part_version_or_say_not_established()
    {
        foreach (var row in Table())
            Assert.IsTrue(row.AssemblyVersion == NotEstablished || Regex.IsMatch(row.AssemblyVersion, @"^\d+\.\d+\.\d+\.\d+$"),
                $"{row.Assembly}: '{row.AssemblyVersion}'");
        // The design reference's one checked figure (docs/design.md §3a) is in the table.
        Assert.AreEqual("1.1.24.44037", Table().Single(r => r.Assembly == "System.Device.Adc").AssemblyVersion);
    }

    [TestMethod]
    public void Table_covers_every_package_of_api_txt_at_its_version()
    {
        var table = Table();
        foreach (var assembly in NanoReferences.Default.Api)
        {
            var row = table.SingleOrDefault(r => r.Assembly == assembly.Name);
            Assert.IsNotNull(row, "no row for " + assembly.Name);
            Assert.AreEqual(assembly.PackageId, row.Package, assembly.Name);
            // Hardware.Esp32 is pinned one tag back (third_party/nanoframework/README.md, the consistent pin set).
            Assert.AreEqual(assembly.PackageId == "nanoFramework.Hardware.Esp32" ? "1.6.40" : assembly.Version, row.Version, assembly.Name);
        }
    }

    [TestMethod]
    public void The_mscorlib_row_is_the_version_of_the_real_dll()
    {
        using var stream = typeof(NanoReferences).Assembly.GetManifestResourceStream("NanoCompat.mscorlib.dll")!;
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var definition = metadata.GetAssemblyDefinition();
        Assert.AreEqual("mscorlib", metadata.GetString(definition.Name));
        Assert.AreEqual(Table().Single(r => r.Assembly == "mscorlib").AssemblyVersion, definition.Version.ToString());
    }

    [TestMethod]
    public void Every_nfproj_reference_carries_the_tables_assembly_version_or_none()
    {
        var table = Table();
        int checkedReferences = 0;
        foreach (string nfproj in NfProjects())
        {
            string name = Path.GetRelativePath(Root, nfproj);
            var packages = XDocument.Load(Path.Combine(Path.GetDirectoryName(nfproj)!, "packages.config")).Descendants("package")
                .ToDictionary(p => (string)p.Attribute("id")!, p => (string)p.Attribute("version")!);
            foreach (var reference in XDocument.Load(nfproj).Descendants(Msb + "Reference"))
            {
                string include = (string)reference.Attribute("Include")!;
                string assembly = include.Split(',')[0].Trim();
                var row = table.SingleOrDefault(r => r.Assembly == assembly);
                Assert.IsNotNull(row, $"{name}: {assembly} is not in assembly-versions.md");
                Assert.IsTrue(packages.TryGetValue(row.Package, out string? pinned), $"{name}: {assembly} comes from {row.Package}, absent from packages.config");
                Assert.AreEqual(row.Version, pinned, $"{name}: packages.config pins {row.Package} {pinned}, the table has {row.Version}");
                string expected = row.AssemblyVersion == NotEstablished ? assembly : $"{assembly}, Version={row.AssemblyVersion}{Token}";
                Assert.AreEqual(expected, include, $"{name}: reference to {assembly}");
                StringAssert.StartsWith((string?)reference.Element(Msb + "HintPath"), $@"..\..\packages\{row.Package}.{row.Version}\lib\{assembly}.", name);
                checkedReferences++;
            }
        }
        Assert.IsTrue(checkedReferences >= 20, "only " + checkedReferences + " references checked");
    }

    [TestMethod]
    public void Every_packages_config_entry_is_in_the_table_at_its_version()
    {
        var table = Table();
        foreach (string config in NfProjects().Select(p => Path.Combine(Path.GetDirectoryName(p)!, "packages.config")))
            foreach (var package in XDocument.Load(config).Descendants("package"))
            {
                string id = (string)package.Attribute("id")!, version = (string)package.Attribute("version")!;
                Assert.IsTrue(table.Any(r => r.Package == id && r.Version == version), $"{Path.GetRelativePath(Root, config)}: {id} {version} has no row");
            }
    }
}
