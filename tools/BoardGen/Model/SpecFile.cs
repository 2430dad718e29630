using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace BoardGen.Model;

/// <summary>Lines of the form `KEYWORD NAME key=value... "title"` (spice/decks.txt, drawings.txt).</summary>
public static class SpecFile
{
    public sealed record Line(string Name, Dictionary<string, string> Keys, string Title)
    {
        public List<string> List(string key) => Keys.GetValueOrDefault(key, "").Split(',', System.StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    public static List<Line> Read(string path, string keyword)
    {
        var lines = new List<Line>();
        foreach (string raw in File.ReadAllLines(path))
        {
            var w = Tokens.Split(Tokens.StripComment(raw));
            if (w.Count == 0) continue;
            if (w[0].Text != keyword || w.Count < 3 || !w[^1].Quoted) throw new InvalidDataException($"{Path.GetFileName(path)}: cannot read '{raw.Trim()}'");
            var keys = w.Skip(2).Take(w.Count - 3).Select(x => x.Text.Split('=', 2)).ToDictionary(x => x[0], x => x.Length > 1 ? x[1] : "");
            lines.Add(new Line(w[1].Text, keys, w[^1].Text));
        }
        return lines;
    }
}
