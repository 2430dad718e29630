using System;
using System.IO;
using System.Linq;
using NanoCompat.Gate;
using NanoCompat.Stubs;

// nano-compat: compiles the firmware against the nanoFramework 1.x device references (see RepositoryCheck).
// Usage: NanoCompat [--root DIR] [--emit-stubs DIR] [FILE|DIR ...]
//   no paths: every device project of the repository; paths: those files compiled together against all of api.txt.
string? root = null, emitStubs = null;
var paths = new System.Collections.Generic.List<string>();
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--root" when i + 1 < args.Length: root = args[++i]; break;
        case "--emit-stubs" when i + 1 < args.Length: emitStubs = args[++i]; break;
        case "-h" or "--help":
            Console.WriteLine("usage: NanoCompat [--root DIR] [--emit-stubs DIR] [FILE|DIR ...]");
            return 0;
        default:
            if (args[i].StartsWith("--", StringComparison.Ordinal)) { Console.Error.WriteLine($"nano-compat: unknown option {args[i]}"); return 2; }
            paths.Add(args[i]);
            break;
    }
}
root ??= NanoCompat.RepositoryRoot.Find(Directory.GetCurrentDirectory());
if (root is null) { Console.Error.WriteLine("nano-compat: repository root (AmpController.Host.slnf) not found; pass --root"); return 2; }

NanoReferences references;
try { references = NanoReferences.Default; }
catch (StubCompilationException e) { Console.Error.WriteLine("nano-compat: " + e.Message); return 2; }

if (emitStubs is not null)
{
    Directory.CreateDirectory(emitStubs);
    foreach (var (name, source) in references.StubSources) File.WriteAllText(Path.Combine(emitStubs, name + ".cs"), source);
}

CheckResult result;
try { result = paths.Count == 0 ? RepositoryCheck.Run(root, references) : RepositoryCheck.RunFiles(paths, root, references); }
catch (FileNotFoundException e) { Console.Error.WriteLine("nano-compat: " + e.Message); return 2; }

foreach (var problem in result.Problems) Console.WriteLine(problem);
if (result.Ok)
{
    Console.WriteLine($"nano-compat: {result.FileCount} files OK");
    return 0;
}
int badFiles = result.Problems.Select(p => p.File).Distinct().Count();
Console.WriteLine($"nano-compat: {result.Problems.Count} problems in {badFiles} of {result.FileCount} files (nanoFramework 1.x subset: third_party/nanoframework/README.md)");
return 1;

