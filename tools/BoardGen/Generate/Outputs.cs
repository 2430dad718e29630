using System.Collections.Generic;
using System.IO;
using System.Linq;
using BoardGen.Model;

namespace BoardGen.Generate;

/// <summary>Everything generated from the description, as (path under hardware/board/generated, text). The staleness
/// test regenerates this in memory and compares it with the committed files.</summary>
public static class Outputs
{
    public static SortedDictionary<string, string> All(string repo)
    {
        string boardDir = Path.Combine(repo, "hardware", "board");
        var files = new SortedDictionary<string, string>(System.StringComparer.Ordinal);
        var variants = BoardReader.ReadVariants(boardDir);
        foreach (var board in variants)
        {
            files[$"ampcontroller-{board.Variant}.net"] = KiCadNetlist.Write(board);
            files[$"parts-{board.Variant}.csv"] = PartsList.PerPart(board);
            files[$"order-{board.Variant}.csv"] = PartsList.Order(board);
        }
        var main = variants[0];
        string spiceDir = Path.Combine(boardDir, "spice");
        foreach (var spec in SpiceDeck.ReadSpecs(spiceDir))
            files[$"spice/{spec.Name}.cir"] = SpiceDeck.Write(main, spec, spiceDir);
        foreach (var (name, text) in Drawings.All(variants, boardDir))
            files["drawings/" + name] = text;
        return files;
    }
}
