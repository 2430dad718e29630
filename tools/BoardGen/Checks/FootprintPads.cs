using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using BoardGen.Model;

namespace BoardGen.Checks;

/// <summary>
/// Footprint pads against part pins. hardware/board/footprint-pads.txt lists the pads of every footprint the board uses,
/// read from KiCad's own libraries (`BoardGen footprints`, needs the Debian package kicad-footprints); the check needs
/// only that file: every part type's footprint is listed and its pads are exactly the type's pin numbers (unnamed
/// mechanical pads aside), so Pcbnew finds a pad for every netlist node and no pad is left unaccounted for.
/// </summary>
public static class FootprintPads
{
    public const string CatalogueFile = "hardware/board/footprint-pads.txt";

    public static Dictionary<string, HashSet<string>> ReadCatalogue(string repo)
    {
        var c = new Dictionary<string, HashSet<string>>();
        foreach (string line in File.ReadAllLines(Path.Combine(repo, CatalogueFile)))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            var w = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            c[w[0]] = w.Skip(1).ToHashSet();
        }
        return c;
    }

    public static List<Finding> Check(Board board, string repo)
    {
        var f = new List<Finding>();
        var catalogue = ReadCatalogue(repo);
        foreach (var type in board.Parts.Values.Select(p => p.Type).Distinct().OrderBy(t => t.Id))
        {
            if (!catalogue.TryGetValue(type.Footprint, out var pads)) { f.Add(new Finding("footprint-unknown", $"{type.Id}: footprint {type.Footprint} is not in {CatalogueFile} (run BoardGen footprints with KiCad installed)")); continue; }
            var pins = type.Pins.Select(p => p.Number).ToHashSet();
            var missing = pins.Except(pads).ToList();
            var extra = pads.Except(pins).ToList();
            if (missing.Count > 0) f.Add(new Finding("footprint-pads", $"{type.Id}: pins {string.Join(",", missing)} have no pad in {type.Footprint}"));
            if (extra.Count > 0) f.Add(new Finding("footprint-pads", $"{type.Id}: pads {string.Join(",", extra)} of {type.Footprint} are no pin of the part"));
        }
        return f;
    }

    public static int WriteCatalogue(string repo, string kicadFootprints)
    {
        var used = BoardReader.ReadVariants(Path.Combine(repo, "hardware", "board"))
            .SelectMany(b => b.Parts.Values).Select(p => p.Type.Footprint).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder("# Pads of every footprint the board uses, read from KiCad's footprint libraries by `BoardGen footprints`\n");
        sb.Append($"# ({kicadFootprints}; Debian package kicad-footprints 6.0.11). Unnamed (mechanical) pads are left out.\n");
        int missing = 0;
        foreach (string fp in used)
        {
            var parts = fp.Split(':');
            string file = Path.Combine(kicadFootprints, parts[0] + ".pretty", parts[1] + ".kicad_mod");
            if (!File.Exists(file)) { Console.Error.WriteLine("missing footprint " + fp); missing++; continue; }
            var pads = Regex.Matches(File.ReadAllText(file), "\\(pad \"([^\"]*)\"").Select(m => m.Groups[1].Value).Where(p => p.Length > 0).Distinct();
            sb.Append(fp).Append(' ').Append(string.Join(' ', pads)).Append('\n');
        }
        File.WriteAllText(Path.Combine(repo, CatalogueFile), sb.ToString());
        Console.WriteLine($"wrote {CatalogueFile}: {used.Count - missing} footprints, {missing} missing");
        return missing == 0 ? 0 : 1;
    }
}
