using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using NanoCompat.Stubs;

namespace NanoCompat.Gate;

/// <summary>
/// One device build: its sources, the packages.config that decides its nanoFramework references (as the .nfproj's
/// HintPaths do) and the device projects it references.
/// </summary>
public sealed record DeviceProject(string AssemblyName, string[] SourceDirectories, string PackagesConfig, string[] ProjectReferences);

public sealed record CheckResult(IReadOnlyList<Problem> Problems, int FileCount)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>The gate over the repository: every device project in dependency order, plus a coverage check.</summary>
public static class RepositoryCheck
{
    public static readonly DeviceProject[] Projects =
    [
        new("AmpController.Core", ["firmware/AmpController.Core"], "firmware/AmpController.Core/packages.config", []),
        new("AmpController.Esp32", ["firmware/AmpController.Esp32"], "firmware/AmpController.Esp32/packages.config", ["AmpController.Core"]),
        // The on-target test project (assembly NFUnitTest) compiles the shared pure-logic tests against Core.
        new("NFUnitTest", ["tests/Shared", "tests/AmpController.Device.Tests"], "tests/AmpController.Device.Tests/packages.config", ["AmpController.Core"]),
    ];

    /// <summary>Host-only code under firmware/ that the gate does not compile.</summary>
    public const string SimulatorDirectory = "firmware/AmpController.Simulator";

    public static CheckResult Run(string root, NanoReferences references)
    {
        var problems = new List<Problem>();
        var compiled = new Dictionary<string, MetadataReference>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        int files = 0;
        foreach (var project in Projects)
        {
            var sources = project.SourceDirectories.SelectMany(d => SourceFiles(Path.Combine(root, d))).Select(p => SourceFile.Read(p, root)).ToList();
            if (sources.Count == 0) continue;
            covered.UnionWith(sources.Select(s => s.DisplayPath));
            var refs = PackageReferences(root, project, references, problems)
                .Concat(project.ProjectReferences.Where(compiled.ContainsKey).Select(p => compiled[p]));
            var compilation = FirmwareCheck.Compile(project.AssemblyName, sources, refs);
            problems.AddRange(FirmwareCheck.Check(compilation, references));
            compiled[project.AssemblyName] = compilation.ToMetadataReference();
            files += sources.Count;
        }
        string firmware = Path.Combine(root, "firmware");
        foreach (var path in SourceFiles(firmware).Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')))
            if (!path.StartsWith(SimulatorDirectory + "/", StringComparison.Ordinal) && !covered.Contains(path))
                problems.Add(new Problem(path, 0, 0, "NANO100", "firmware source outside every device project the gate knows (tools/NanoCompat/Gate/RepositoryCheck.cs)"));
        return new CheckResult(Sort(problems), files);
    }

    /// <summary>Explicit files or directories: compiled together against every nanoFramework assembly of api.txt.</summary>
    public static CheckResult RunFiles(IEnumerable<string> paths, string root, NanoReferences references)
    {
        var files = new List<SourceFile>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path)) files.AddRange(SourceFiles(path).Select(p => SourceFile.Read(p, root)));
            else if (File.Exists(path)) files.Add(SourceFile.Read(path, root));
            else throw new FileNotFoundException("no such file or directory: " + path);
        }
        return RunSources(files, references);
    }

    public static CheckResult RunSources(IReadOnlyList<SourceFile> files, NanoReferences references)
    {
        var compilation = FirmwareCheck.Compile("NanoCompatCheck", files, references.All);
        return new CheckResult(Sort(FirmwareCheck.Check(compilation, references)), files.Count);
    }

    /// <summary>*.cs below a directory, without build output (obj/, bin/).</summary>
    public static IEnumerable<string> SourceFiles(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(directory, p).Split('/', '\\').Any(part => part is "obj" or "bin"))
            .Order(StringComparer.Ordinal);
    }

    static IEnumerable<MetadataReference> PackageReferences(string root, DeviceProject project, NanoReferences references, List<Problem> problems)
    {
        string path = Path.Combine(root, project.PackagesConfig);
        if (!File.Exists(path)) return references.All;   // no device project file yet: everything api.txt describes
        var ids = new List<string>();
        foreach (var package in XDocument.Load(path).Descendants("package"))
        {
            string id = (string?)package.Attribute("id") ?? "";
            if (references.AssemblyOfPackage(id) is null)
                problems.Add(new Problem(project.PackagesConfig, 0, 0, "NANO101", $"package {id} is not described by third_party/nanoframework/api.txt"));
            ids.Add(id);
        }
        return references.ForPackages(ids);
    }

    static List<Problem> Sort(IEnumerable<Problem> problems) =>
        problems.Distinct().OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
}
