using System;
using System.IO;
using System.Linq;
using SharpFuzz;

namespace AmpController.Fuzz;

/// <summary>
/// ampfuzz: `run TARGET` under afl-fuzz (SharpFuzz's AFL loop, input on stdin); `replay TARGET FILE|DIR...` runs the
/// target once per file and exits 1 on a finding (reproduces an AFL crash, and lets the suite replay the corpus);
/// `instrument DIR` adds SharpFuzz's coverage to the Core and ampsim assemblies there. tests/fuzz.sh drives it.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "run" && FuzzTargets.All.TryGetValue(args[1], out var target))
        {
            Fuzzer.Run(stream =>
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                target(copy.ToArray());
            });
            return 0;
        }
        if (args.Length >= 3 && args[0] == "replay" && FuzzTargets.All.TryGetValue(args[1], out target))
        {
            int findings = 0, inputs = 0;
            foreach (string file in args.Skip(2).SelectMany(a => Directory.Exists(a) ? Directory.GetFiles(a) : [a]).Order())
            {
                inputs++;
                if (Replay.Finding(target, File.ReadAllBytes(file)) is string finding)
                {
                    findings++;
                    Console.Error.WriteLine($"{file}: {finding}");
                }
            }
            Console.WriteLine($"{args[1]}: {inputs} inputs, {findings} findings");
            return findings == 0 ? 0 : 1;
        }
        if (args.Length == 2 && args[0] == "instrument")
        {
            // SharpFuzz.Options has no public constructor (its command-line tool reads the settings from the
            // environment); the defaults are what we want: coverage of every branch, no callback, no listing.
            var options = (Options)Activator.CreateInstance(typeof(Options), nonPublic: true)!;
            foreach (string name in new[] { "AmpController.Core.dll", "ampsim.dll" })
            {
                string path = Path.Combine(args[1], name);
                var types = Fuzzer.Instrument(path, type => type.StartsWith("AmpController.", StringComparison.Ordinal), options);
                Console.WriteLine($"{name}: {types.Count()} types instrumented");
            }
            return 0;
        }
        if (args.Length == 3 && args[0] == "corpus")
        {
            SeedCorpus.Write(args[1], args[2]);
            return 0;
        }
        Console.Error.WriteLine($"usage: ampfuzz run TARGET | replay TARGET FILE|DIR... | instrument DIR | corpus DIR REPO   (targets: {string.Join(", ", FuzzTargets.All.Keys)})");
        return 2;
    }
}

/// <summary>One input through one target: null when it passed, else the finding (the exception, with its type).</summary>
public static class Replay
{
    public static string? Finding(Action<byte[]> target, byte[] input)
    {
        try
        {
            target(input);
            return null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
