using System.Collections.Generic;
using System.Text;

namespace BoardGen.Model;

public sealed record Word(string Text, bool Quoted);

/// <summary>Splits a description line into words; "quoted text" is one word, key="quoted value" too.</summary>
public static class Tokens
{
    public static List<Word> Split(string line)
    {
        var words = new List<Word>();
        var sb = new StringBuilder();
        bool quoted = false, any = false, wasQuoted = false;
        foreach (char c in line)
        {
            if (c == '"') { quoted = !quoted; any = true; wasQuoted |= sb.Length == 0; continue; }
            if (!quoted && char.IsWhiteSpace(c))
            {
                if (any) { words.Add(new Word(sb.ToString(), wasQuoted)); sb.Clear(); any = false; wasQuoted = false; }
                continue;
            }
            sb.Append(c); any = true;
        }
        if (any) words.Add(new Word(sb.ToString(), wasQuoted));
        return words;
    }

    /// <summary>The line without a trailing # comment (a # inside quotes is kept).</summary>
    public static string StripComment(string line)
    {
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == '#' && !quoted) return line[..i];
        }
        return line;
    }

    /// <summary>key=value (the value may have been quoted: pkg="film, 5 mm"); a word that began with a quote is text.</summary>
    public static bool IsKeyValue(Word word, out string key, out string value)
    {
        int eq = word.Quoted ? -1 : word.Text.IndexOf('=');
        key = eq > 0 ? word.Text[..eq] : "";
        value = eq > 0 ? word.Text[(eq + 1)..] : "";
        return eq > 0;
    }
}
