using System;
using System.IO;
using System.Linq;
using BoardGen.Checks;
using BoardGen.Generate;
using BoardGen.Model;

namespace BoardGen;

public static class Program
{
    const string Usage = "usage: BoardGen generate [--out DIR] | check | footprints [KICAD_FOOTPRINT_DIR]   (run from the repository root)";

    public static int Main(string[] args)
    {
        string repo = Directory.GetCurrentDirectory();
        if (!File.Exists(Path.Combine(repo, "hardware", "board", "board.txt")))
        {
            Console.Error.WriteLine("no hardware/board/board.txt here: " + Usage);
            return 2;
        }
        switch (args.FirstOrDefault())
        {
            case "generate":
            {
                string outDir = args.Length >= 3 && args[1] == "--out" ? Path.GetFullPath(args[2]) : Path.Combine(repo, "hardware", "board", "generated");
                foreach (var (path, text) in Outputs.All(repo))
                {
                    string full = Path.Combine(outDir, path);
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    File.WriteAllText(full, text);
                    Console.WriteLine("wrote " + Path.GetRelativePath(repo, full));
                }
                return 0;
            }
            case "check":
            {
                int n = 0;
                foreach (var board in BoardReader.ReadVariants(Path.Combine(repo, "hardware", "board")))
                    foreach (var finding in AllChecks.Run(board, repo))
                    {
                        Console.WriteLine($"{board.Variant}: {finding}");
                        n++;
                    }
                Console.WriteLine(n == 0 ? "board checks: no findings" : $"board checks: {n} findings");
                return n == 0 ? 0 : 1;
            }
            case "footprints":
                return FootprintPads.WriteCatalogue(repo, args.Length > 1 ? args[1] : "/usr/share/kicad/footprints");
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
