using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using NanoCompat.Api;

namespace NanoCompat.Stubs;

/// <summary>
/// The device's reference set: the real nanoFramework mscorlib.dll (package nanoFramework.CoreLibrary, embedded in this
/// tool at build time) plus one reference assembly per other api.txt assembly, compiled in memory from generated stubs
/// with no .NET library at all. Built once per process.
/// </summary>
public sealed class NanoReferences
{
    static readonly Lazy<NanoReferences> FromEmbedded = new(() => Build(ReadResourceText("NanoCompat.api.txt")));

    public static NanoReferences Default => FromEmbedded.Value;

    public IReadOnlyList<ApiAssembly> Api { get; }
    public MetadataReference CoreLibrary { get; }
    /// <summary>Assembly name → reference, in api.txt order (mscorlib excluded).</summary>
    public IReadOnlyDictionary<string, MetadataReference> Stubs { get; }
    /// <summary>Generated C# per assembly name (for --emit-stubs and the tests).</summary>
    public IReadOnlyDictionary<string, string> StubSources { get; }

    NanoReferences(IReadOnlyList<ApiAssembly> api, MetadataReference coreLibrary,
        Dictionary<string, MetadataReference> stubs, Dictionary<string, string> sources)
    {
        Api = api; CoreLibrary = coreLibrary; Stubs = stubs; StubSources = sources;
    }

    public IEnumerable<MetadataReference> All => Stubs.Values.Prepend(CoreLibrary);

    /// <summary>mscorlib plus the assemblies of the given NuGet package ids (a project's packages.config).</summary>
    public IEnumerable<MetadataReference> ForPackages(IEnumerable<string> packageIds)
    {
        var ids = new HashSet<string>(packageIds, StringComparer.OrdinalIgnoreCase);
        return Api.Where(a => !a.IsCoreLibrary && ids.Contains(a.PackageId)).Select(a => Stubs[a.Name]).Prepend(CoreLibrary);
    }

    public ApiAssembly? AssemblyOfPackage(string packageId) =>
        Api.FirstOrDefault(a => string.Equals(a.PackageId, packageId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Warnings inherent to bodiless stubs (events never raised, fields never assigned); any other warning fails.</summary>
    static readonly string[] StubOnlyWarnings = ["CS0067", "CS0649", "CS0169", "CS0414"];

    public static NanoReferences Build(string apiText)
    {
        var api = ApiParser.Parse(apiText);
        var coreLibrary = MetadataReference.CreateFromImage(ReadResourceBytes("NanoCompat.mscorlib.dll"), filePath: "mscorlib.dll");
        var generator = new StubGenerator(api);
        var stubs = new Dictionary<string, MetadataReference>();
        var sources = new Dictionary<string, string>();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Disable, generalDiagnosticOption: ReportDiagnostic.Error,
            specificDiagnosticOptions: StubOnlyWarnings.ToDictionary(id => id, _ => ReportDiagnostic.Suppress));
        foreach (var assembly in api.Where(a => !a.IsCoreLibrary))
        {
            string source = generator.Generate(assembly);
            sources[assembly.Name] = source;
            var compilation = CSharpCompilation.Create(assembly.Name,
                [CSharpSyntaxTree.ParseText(source, parseOptions, path: assembly.Name + ".stubs.cs")],
                stubs.Values.Prepend(coreLibrary), options);
            using var image = new MemoryStream();
            var emitted = compilation.Emit(image, options: new EmitOptions(metadataOnly: true, runtimeMetadataVersion: "v4.0.30319"));
            var errors = compilation.GetDiagnostics().Concat(emitted.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).Distinct().ToList();
            if (!emitted.Success || errors.Count > 0)
                throw new StubCompilationException(assembly.Name, errors.Select(d => d.ToString()).ToList());
            stubs[assembly.Name] = MetadataReference.CreateFromImage(image.ToArray(), filePath: assembly.Name + ".dll");
        }
        return new NanoReferences(api, coreLibrary, stubs, sources);
    }

    static byte[] ReadResourceBytes(string name)
    {
        using var stream = typeof(NanoReferences).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} missing: rebuild tools/NanoCompat (it embeds mscorlib.dll from package nanoFramework.CoreLibrary)");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    static string ReadResourceText(string name) => System.Text.Encoding.UTF8.GetString(ReadResourceBytes(name));
}

public sealed class StubCompilationException(string assembly, IReadOnlyList<string> errors)
    : Exception($"stubs for {assembly} do not compile ({errors.Count} errors):\n  " + string.Join("\n  ", errors.Take(40)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
