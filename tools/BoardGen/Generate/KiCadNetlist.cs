using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using BoardGen.Model;

namespace BoardGen.Generate;

/// <summary>
/// KiCad's own netlist format, version "E" (what Eeschema 6/7/8 export and Pcbnew's "Update PCB from netlist"/"Import
/// netlist" reads): (export (version "E") (design ...) (components (comp ...)) (libparts ...) (nets (net ...))).
/// Time stamps are UUIDs derived from the reference and sheet name, so the file is the same every time it is made and
/// a footprint keeps its link to its symbol across re-imports.
/// </summary>
public static class KiCadNetlist
{
    public static string Write(Board board)
    {
        var sb = new StringBuilder();
        sb.Append("(export (version \"E\")\n");
        sb.Append("  (design\n");
        sb.Append($"    (source {Q($"hardware/board/board.txt (variant {board.Variant})")})\n");
        sb.Append("    (tool \"AmpController tools/BoardGen\")\n");
        int number = 1;
        foreach (var sheet in board.Sheets)
        {
            sb.Append($"    (sheet (number {Q((number++).ToString())}) (name {Q("/" + sheet.Id + "/")}) (tstamps {Q("/" + Uuid("sheet/" + sheet.Id) + "/")})\n");
            sb.Append($"      (title_block (title {Q(sheet.Title)}) (company \"AmpController\") (rev \"\") (date \"\") (source {Q("hardware/board/sheets/" + sheet.Id + ".txt")})))\n");
        }
        sb.Append("  )\n  (components");
        foreach (var sheet in board.Sheets)
            foreach (var part in sheet.Parts)
            {
                var (lib, sym) = Symbol(part.Type);
                sb.Append($"\n    (comp (ref {Q(part.Ref)})\n");
                sb.Append($"      (value {Q(part.Value)})\n");
                sb.Append($"      (footprint {Q(part.Type.Footprint)})\n");
                sb.Append($"      (fields\n        (field (name \"Manufacturer\") {Q(part.Manufacturer)})\n        (field (name \"MPN\") {Q(part.Mpn)})\n        (field (name \"Description\") {Q(part.Role)}))\n");
                sb.Append($"      (libsource (lib {Q(lib)}) (part {Q(sym)}) (description {Q(part.Type.Package)}))\n");
                sb.Append($"      (property (name \"Sheetname\") (value {Q(sheet.Id)}))\n");
                sb.Append($"      (property (name \"Sheetfile\") (value {Q(sheet.Id + ".kicad_sch")}))\n");
                sb.Append($"      (sheetpath (names {Q("/" + sheet.Id + "/")}) (tstamps {Q("/" + Uuid("sheet/" + sheet.Id) + "/")}))\n");
                sb.Append($"      (tstamps {Q(Uuid("part/" + part.Ref))}))");
            }
        sb.Append(")\n  (libparts");
        foreach (var type in board.Parts.Values.Select(p => p.Type).Distinct().OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            var (lib, sym) = Symbol(type);
            sb.Append($"\n    (libpart (lib {Q(lib)}) (part {Q(sym)})\n      (description {Q(type.Package)})\n      (docs \"~\")\n      (footprints (fp {Q(type.Footprint.Split(':').Last())}))\n");
            sb.Append("      (fields (field (name \"Reference\") \"U\") (field (name \"Value\") \"\"))\n      (pins");
            foreach (var pin in type.Pins) sb.Append($"\n        (pin (num {Q(pin.Number)}) (name {Q(pin.Name)}) (type {Q(PinKinds.KiCadName(pin.Kind))}))");
            sb.Append("))");
        }
        sb.Append(")\n  (libraries)\n  (nets");
        int code = 1;
        foreach (var net in board.Nets.Values.OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            sb.Append($"\n    (net (code {Q((code++).ToString())}) (name {Q(net.Name)})");
            foreach (var node in net.Nodes.OrderBy(n => n.Part.Ref, StringComparer.Ordinal).ThenBy(n => n.Pin.Number, StringComparer.Ordinal))
            {
                sb.Append($"\n      (node (ref {Q(node.Part.Ref)}) (pin {Q(node.Pin.Number)})");
                if (node.Pin.Name != "~") sb.Append($" (pinfunction {Q(node.Pin.Name)})");
                sb.Append($" (pintype {Q(PinKinds.KiCadName(node.Pin.Kind))}))");
            }
            sb.Append(')');
        }
        sb.Append("))\n");
        return sb.ToString();
    }

    static (string Lib, string Sym) Symbol(PartType type)
    {
        int colon = type.Symbol.IndexOf(':');
        return colon > 0 ? (type.Symbol[..colon], type.Symbol[(colon + 1)..]) : ("AmpController", type.Id);
    }

    static string Q(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>A stable UUID (version 5 style, SHA-1 of the name) so regenerating gives the same file.</summary>
    public static string Uuid(string name)
    {
        byte[] h = SHA1.HashData(Encoding.UTF8.GetBytes("AmpController/" + name));
        h[6] = (byte)((h[6] & 0x0F) | 0x50);
        h[8] = (byte)((h[8] & 0x3F) | 0x80);
        string x = Convert.ToHexString(h, 0, 16).ToLowerInvariant();
        return $"{x[..8]}-{x[8..12]}-{x[12..16]}-{x[16..20]}-{x[20..32]}";
    }
}
