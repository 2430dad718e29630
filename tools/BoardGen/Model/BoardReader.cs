using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace BoardGen.Model;

/// <summary>
/// Reads hardware/board: library.txt (part types), board.txt (variants = lists of sheets) and sheets/*.txt. Every
/// problem (unknown type, unknown pin, duplicate reference, malformed line) becomes a read error that the checks
/// report, so a broken description fails the test command instead of throwing.
/// </summary>
public static class BoardReader
{
    public static Dictionary<string, PartType> ReadLibrary(string path, List<string> errors)
    {
        var types = new Dictionary<string, PartType>();
        PartType? current = null;
        int lineNo = 0;
        foreach (string raw in File.ReadAllLines(path))
        {
            lineNo++;
            var w = Tokens.Split(Tokens.StripComment(raw));
            if (w.Count == 0) continue;
            string where = $"{Path.GetFileName(path)}:{lineNo}";
            switch (w[0].Text)
            {
                case "type" when w.Count >= 2:
                    current = new PartType { Id = w[1].Text, Attrs = KeyValues(w.Skip(2), errors, where) };
                    if (!types.TryAdd(current.Id, current)) errors.Add($"{where}: type {current.Id} defined twice");
                    break;
                case "pin" when current != null && w.Count == 4:
                    if (!PinKinds.TryParse(w[3].Text, out var kind)) errors.Add($"{where}: unknown pin kind {w[3].Text}");
                    else if (current.Pins.Any(p => p.Number == w[1].Text)) errors.Add($"{where}: pin {w[1].Text} twice in {current.Id}");
                    else current.Pins.Add(new PinDef(w[1].Text, w[2].Text, kind));
                    break;
                case "mpn" when current != null && w.Count == 3:
                    current.MpnByValue[w[1].Text] = w[2].Text;
                    break;
                default:
                    errors.Add($"{where}: cannot read '{raw.Trim()}'");
                    break;
            }
        }
        return types;
    }

    /// <summary>Every variant of hardware/board/board.txt, the first one being the default.</summary>
    public static List<Board> ReadVariants(string boardDir)
    {
        var libErrors = new List<string>();
        var types = ReadLibrary(Path.Combine(boardDir, "library.txt"), libErrors);
        var boards = new List<Board>();
        string name = "", title = "";
        int lineNo = 0;
        foreach (string raw in File.ReadAllLines(Path.Combine(boardDir, "board.txt")))
        {
            lineNo++;
            var w = Tokens.Split(Tokens.StripComment(raw));
            if (w.Count == 0) continue;
            if (w[0].Text == "board" && w.Count >= 3) { name = w[1].Text; title = w[2].Text; continue; }
            if (w[0].Text == "variant" && w.Count >= 4 && w[2].Text == ":")
            {
                var board = new Board { Name = name, Title = title, Variant = w[1].Text, IsDefault = boards.Count == 0 };
                board.ReadErrors.AddRange(libErrors);
                ReadSheets(board, boardDir, w.Skip(3).Select(x => x.Text).ToList(), types);
                boards.Add(board);
                continue;
            }
            throw new InvalidDataException($"board.txt:{lineNo}: cannot read '{raw.Trim()}'");
        }
        return boards;
    }

    public static Board ReadDefault(string boardDir) => ReadVariants(boardDir)[0];

    sealed record PendingNet(string Name, Dictionary<string, string> Attrs, List<string> Nodes, string Sheet, string Where);

    static void ReadSheets(Board board, string boardDir, List<string> sheetIds, Dictionary<string, PartType> types)
    {
        var pendingNets = new List<PendingNet>();
        var pendingNc = new List<(string Node, string Where)>();
        var supplies = new List<(string Net, bool Flag)>();
        foreach (string id in sheetIds)
        {
            string path = Path.Combine(boardDir, "sheets", id + ".txt");
            if (!File.Exists(path)) { board.ReadErrors.Add($"board.txt: sheet {id} has no file {path}"); continue; }
            Sheet? sheet = null;
            int lineNo = 0;
            foreach (string raw in File.ReadAllLines(path))
            {
                lineNo++;
                var w = Tokens.Split(Tokens.StripComment(raw));
                if (w.Count == 0) continue;
                string where = $"{id}.txt:{lineNo}";
                if (w[0].Text == "sheet" && w.Count == 3)
                {
                    sheet = new Sheet { Id = w[1].Text, Title = w[2].Text };
                    if (sheet.Id != id) board.ReadErrors.Add($"{where}: sheet id {sheet.Id} differs from its file name");
                    board.Sheets.Add(sheet);
                    continue;
                }
                if (sheet == null) { board.ReadErrors.Add($"{where}: statement before the sheet line"); continue; }
                switch (w[0].Text)
                {
                    case "about" when w.Count == 2: sheet.About = w[1].Text; break;
                    case "part": ReadPart(board, sheet, types, w, where); break;
                    case "supply" when w.Count is 2 or 3: supplies.Add((w[1].Text, w.Count == 3 && w[2].Text == "flag")); break;
                    case "net":
                    {
                        int colon = w.FindIndex(x => x.Text == ":");
                        if (colon < 2) { board.ReadErrors.Add($"{where}: net line needs 'net NAME [k=v] : nodes'"); break; }
                        pendingNets.Add(new PendingNet(w[1].Text, KeyValues(w.Skip(2).Take(colon - 2), board.ReadErrors, where),
                            w.Skip(colon + 1).Select(x => x.Text).ToList(), sheet.Id, where));
                        break;
                    }
                    case "nc": pendingNc.AddRange(w.Skip(1).Select(x => (x.Text, where))); break;
                    case "cir-model" when w.Count >= 3 && w[^1].Quoted:
                        foreach (var n in w.Skip(1).Take(w.Count - 2)) sheet.CirModel[n.Text] = w[^1].Text;
                        break;
                    case "cir-node" when w.Count == 3: sheet.CirNodes[w[1].Text] = w[2].Text; break;
                    case "cir-subckt" when w.Count == 3 && w[2].Text.Length == 1 && char.IsDigit(w[2].Text[0]): sheet.CirSubckts[w[1].Text] = w[2].Text[0]; break;
                    case "unused-pin" when w.Count == 3 && w[2].Quoted: sheet.UnusedPins[w[1].Text] = w[2].Text; break;
                    default: board.ReadErrors.Add($"{where}: cannot read '{raw.Trim()}'"); break;
                }
            }
        }
        foreach (var p in pendingNets)
        {
            if (!board.Nets.TryGetValue(p.Name, out var net)) board.Nets[p.Name] = net = new Net { Name = p.Name };
            net.Sheets.Add(p.Sheet);
            foreach (var kv in p.Attrs)
                if (net.Attrs.TryGetValue(kv.Key, out var old) && old != kv.Value) board.ReadErrors.Add($"{p.Where}: net {p.Name} {kv.Key}={kv.Value} but elsewhere {old}");
                else net.Attrs[kv.Key] = kv.Value;
            foreach (string text in p.Nodes)
            {
                var node = Resolve(board, text, p.Where);
                if (node == null) continue;
                if (net.Nodes.Contains(node)) board.ReadErrors.Add($"{p.Where}: {text} listed twice on net {p.Name}");
                else net.Nodes.Add(node);
            }
        }
        foreach (var (text, where) in pendingNc)
        {
            var node = Resolve(board, text, where);
            if (node != null && !board.NoConnects.Add(node)) board.ReadErrors.Add($"{where}: {text} marked not connected twice");
        }
        foreach (var (netName, flag) in supplies)
        {
            if (!board.Nets.TryGetValue(netName, out var net)) { board.ReadErrors.Add($"supply {netName} has no net"); continue; }
            net.IsSupply = true;
            net.HasPowerFlag |= flag;
        }
    }

    static void ReadPart(Board board, Sheet sheet, Dictionary<string, PartType> types, List<Word> w, string where)
    {
        if (w.Count < 5 || !w[^1].Quoted) { board.ReadErrors.Add($"{where}: part line needs 'part REF TYPE VALUE [k=v] \"role\"'"); return; }
        if (!types.TryGetValue(w[2].Text, out var type)) { board.ReadErrors.Add($"{where}: unknown part type {w[2].Text}"); return; }
        var part = new Part
        {
            Ref = w[1].Text, Type = type, Value = w[3].Text, Role = w[^1].Text, Sheet = sheet.Id,
            Attrs = KeyValues(w.Skip(4).Take(w.Count - 5), board.ReadErrors, where), Source = where,
        };
        if (!board.Parts.TryAdd(part.Ref, part)) board.ReadErrors.Add($"{where}: reference {part.Ref} used twice");
        else sheet.Parts.Add(part);
    }

    /// <summary>REF.PIN where PIN is a pad number or a pin name unique in the part type.</summary>
    static Node? Resolve(Board board, string text, string where)
    {
        int dot = text.IndexOf('.');
        if (dot <= 0) { board.ReadErrors.Add($"{where}: '{text}' is not REF.PIN"); return null; }
        if (!board.Parts.TryGetValue(text[..dot], out var part)) { board.ReadErrors.Add($"{where}: no part {text[..dot]} (in {text})"); return null; }
        var pin = part.Type.FindPin(text[(dot + 1)..]);
        if (pin == null) { board.ReadErrors.Add($"{where}: {part.Ref} ({part.Type.Id}) has no pin '{text[(dot + 1)..]}'"); return null; }
        return new Node(part, pin);
    }

    static Dictionary<string, string> KeyValues(IEnumerable<Word> words, List<string> errors, string where)
    {
        var kv = new Dictionary<string, string>();
        foreach (var word in words)
            if (Tokens.IsKeyValue(word, out var k, out var v)) kv[k] = v;
            else errors.Add($"{where}: expected key=value, found '{word.Text}'");
        return kv;
    }
}
