using System.Collections.Generic;
using System.Linq;
using System.Text;
using BoardGen.Model;

namespace BoardGen.Generate;

/// <summary>
/// Parts lists as CSV (RFC 4180): one row per part (reference, value, package, manufacturer, MPN, quantity 1, what it
/// does, sheet) and an order list grouped by manufacturer part number with the quantity and the references.
/// </summary>
public static class PartsList
{
    public static string PerPart(Board board)
    {
        var sb = new StringBuilder("Reference,Value,Package,Manufacturer,MPN,Quantity,What it does,Sheet\r\n");
        foreach (var p in BomParts(board))
            Row(sb, p.Ref, p.Value, p.Type.Package, p.Manufacturer, p.Mpn, "1", p.Role, p.Sheet);
        return sb.ToString();
    }

    public static string Order(Board board)
    {
        var sb = new StringBuilder("Manufacturer,MPN,Value,Package,Quantity,References\r\n");
        foreach (var g in BomParts(board).GroupBy(p => (p.Manufacturer, p.Mpn, p.Value, p.Type.Package)).OrderBy(g => g.Key.Manufacturer).ThenBy(g => g.Key.Mpn))
            Row(sb, g.Key.Manufacturer, g.Key.Mpn, g.Key.Value, g.Key.Package, g.Count().ToString(), string.Join(" ", g.Select(p => p.Ref)));
        return sb.ToString();
    }

    static IEnumerable<Part> BomParts(Board board) =>
        board.Sheets.SelectMany(s => s.Parts).Where(p => p.Type.InBom).OrderBy(p => Prefix(p.Ref)).ThenBy(p => Number(p.Ref)).ThenBy(p => p.Ref);

    static string Prefix(string r) => new string(r.TakeWhile(char.IsLetter).ToArray());
    static int Number(string r) => int.TryParse(new string(r.SkipWhile(char.IsLetter).TakeWhile(char.IsDigit).ToArray()), out int n) ? n : 0;

    static void Row(StringBuilder sb, params string[] cells)
    {
        sb.Append(string.Join(",", cells.Select(Cell))).Append("\r\n");
    }

    static string Cell(string s) => s.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
