using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NanoCompat.Stubs;

namespace NanoCompat.Gate;

/// <summary>A source file with the path shown in problems (repository-relative, forward slashes).</summary>
public sealed record SourceFile(string DisplayPath, string Text)
{
    public static SourceFile Read(string path, string root)
    {
        string relative = Path.GetRelativePath(root, path);
        return new((relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative).Replace('\\', '/'), File.ReadAllText(path));
    }
}

/// <summary>
/// Compiles a set of firmware sources the way the device build does (nanoFramework references only, nullable on,
/// warnings are errors, full emit so the compiler's lowering finds every runtime member it needs) and scans them for
/// what the 1.x runtime lacks although the compiler accepts it.
/// </summary>
public static partial class FirmwareCheck
{
    /// <summary>Defined for device builds (the .nfproj files define it too); shared test files switch their usings on it.</summary>
    public static readonly string[] PreprocessorSymbols = ["NANOFRAMEWORK_1_0"];

    static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, preprocessorSymbols: PreprocessorSymbols);

    // CS1701/CS1702: assembly version unification (the .NET SDK hides them too).
    static readonly string[] Ignored = ["CS1701", "CS1702"];

    public static CSharpCompilation Compile(string assemblyName, IEnumerable<SourceFile> files, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(assemblyName,
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: f.DisplayPath)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,   // firmware: warnings are errors (Directory.Build.props)
                specificDiagnosticOptions: Ignored.ToDictionary(id => id, _ => ReportDiagnostic.Suppress),
                allowUnsafe: false));

    public static List<Problem> Check(CSharpCompilation compilation, NanoReferences references)
    {
        var problems = new List<Problem>();
        using (var sink = new MemoryStream())
        {
            var emit = compilation.Emit(sink, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(runtimeMetadataVersion: "v4.0.30319"));
            foreach (var d in emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                problems.Add(ToProblem(d, compilation, references));
        }
        foreach (var tree in compilation.SyntaxTrees)
            new SourceScanner(compilation.GetSemanticModel(tree), problems, tree.FilePath).Visit(tree.GetRoot());
        return problems;
    }

    static Problem ToProblem(Diagnostic d, CSharpCompilation compilation, NanoReferences references)
    {
        string message = d.GetMessage() + PackageHint(d, compilation, references);
        if (!d.Location.IsInSource) return new Problem(compilation.AssemblyName ?? "?", 0, 0, d.Id, message);
        var span = d.Location.GetLineSpan();
        return new Problem(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, d.Id, message);
    }

    [GeneratedRegex(@"'([A-Za-z_][A-Za-z0-9_]*)'")]
    private static partial Regex QuotedName();

    /// <summary>For an unknown type or namespace that api.txt has in an assembly the project does not reference: which package to add.</summary>
    static string PackageHint(Diagnostic d, CSharpCompilation compilation, NanoReferences references)
    {
        if (d.Id is not ("CS0246" or "CS0234" or "CS0103")) return "";
        var name = QuotedName().Match(d.GetMessage());
        if (!name.Success) return "";
        var referenced = new HashSet<string>(compilation.References.Select(r => Path.GetFileNameWithoutExtension(r.Display ?? "")));
        var owner = references.Api.FirstOrDefault(a => !referenced.Contains(a.Name)
            && a.Types.Any(t => t.SimpleName == name.Groups[1].Value || t.Namespace.Split('.').Contains(name.Groups[1].Value)));
        return owner is null ? "" : $" (api.txt has it in {owner.Name}: add package {owner.PackageId} {owner.Version} to packages.config)";
    }
}
