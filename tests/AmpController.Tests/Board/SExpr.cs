using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace AmpController.Tests.Board;

/// <summary>A small S-expression reader after KiCad's DSN lexer: lists, bare symbols and "quoted strings" with \" and \\
/// escapes. Throws on unbalanced parentheses or an unterminated string.</summary>
public sealed class SExpr
{
    public string? Atom { get; }
    public bool Quoted { get; }
    public List<SExpr> Items { get; } = new();
    public bool IsList => Atom == null;
    public string Head => Items.Count > 0 && !Items[0].IsList ? Items[0].Atom! : "";

    SExpr(string? atom, bool quoted) { Atom = atom; Quoted = quoted; }

    public IEnumerable<SExpr> Children(string head) => Items.Where(i => i.IsList && i.Head == head);
    public SExpr Child(string head) => Children(head).Single();
    /// <summary>The value of (head "value").</summary>
    public string Value(string head) => Child(head).Items[1].Atom!;

    public static SExpr Parse(string text)
    {
        int i = 0;
        var root = Read(text, ref i);
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        if (i != text.Length) throw new InvalidDataException($"text after the top-level list at {i}");
        return root;
    }

    static SExpr Read(string s, ref int i)
    {
        while (char.IsWhiteSpace(s[i])) i++;
        if (s[i] == '(')
        {
            i++;
            var list = new SExpr(null, false);
            while (true)
            {
                while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
                if (i >= s.Length) throw new InvalidDataException("unbalanced '('");
                if (s[i] == ')') { i++; return list; }
                list.Items.Add(Read(s, ref i));
            }
        }
        if (s[i] == ')') throw new InvalidDataException($"unexpected ')' at {i}");
        if (s[i] == '"')
        {
            var sb = new StringBuilder();
            for (i++; ; i++)
            {
                if (i >= s.Length) throw new InvalidDataException("unterminated string");
                if (s[i] == '\\') { sb.Append(s[++i]); continue; }
                if (s[i] == '"') { i++; return new SExpr(sb.ToString(), true); }
                sb.Append(s[i]);
            }
        }
        int start = i;
        while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '(' && s[i] != ')' && s[i] != '"') i++;
        return new SExpr(s[start..i], false);
    }
}
