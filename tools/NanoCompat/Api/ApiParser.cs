using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace NanoCompat.Api;

/// <summary>
/// Reads api.txt (format described in its header): "######## ASSEMBLY", "#### asm / namespace X", "type ..." lines,
/// indented member lines and, for enums, "Name = value" lines. api.txt is data; nothing here is specific to one assembly.
/// </summary>
public static partial class ApiParser
{
    static readonly HashSet<string> TypeKinds = ["class", "struct", "interface", "enum", "delegate"];
    static readonly HashSet<string> MemberKinds = ["field", "ctor", "prop", "indexer", "event", "method", "op"];
    public static readonly HashSet<string> ModifierWords =
        ["public", "protected", "internal", "private", "static", "virtual", "override", "abstract", "sealed", "new",
         "readonly", "extern", "const", "volatile", "unsafe", "ref", "partial"];

    [GeneratedRegex(@"^######## ASSEMBLY (\S+)\s+\[package (\S+) (\S+)\]")]
    private static partial Regex AssemblyLine();

    [GeneratedRegex(@"^#### .* / namespace ?(.*)$")]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^(@?\w+) = (.+)$")]
    private static partial Regex EnumValueLine();

    public static List<ApiAssembly> Parse(string text)
    {
        var assemblies = new List<ApiAssembly>();
        ApiAssembly? assembly = null;
        ApiType? type = null;
        string ns = "";
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int lineNo = i + 1;
            if (line.Length == 0) continue;
            Match m;
            if ((m = AssemblyLine().Match(line)).Success)
            {
                assembly = new ApiAssembly(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
                assemblies.Add(assembly);
                type = null;
            }
            else if (assembly is null)
            {
                continue; // the header (table of assemblies, FORMAT notes) before the first assembly
            }
            else if (line.StartsWith('#'))
            {
                if ((m = NamespaceLine().Match(line)).Success) { ns = m.Groups[1].Value.Trim(); type = null; }
            }
            else if (line.StartsWith("type "))
            {
                if (assembly is null) throw Error(lineNo, "type before any assembly");
                type = ParseType(line[5..], ns, lineNo);
                assembly.Types.Add(type);
            }
            else if (line.StartsWith("    ") && type is { Kind: "enum" })
            {
                string rest = line.Trim();
                var attributes = TakeAttributes(ref rest);
                if (!(m = EnumValueLine().Match(rest)).Success) throw Error(lineNo, "bad enum value line: " + line);
                type.EnumValues.Add(new(attributes, m.Groups[1].Value, m.Groups[2].Value.Trim()));
            }
            else if (line.StartsWith("    ") && type is not null)
            {
                type.Members.Add(ParseMember(line.Trim(), lineNo));
            }
            else
            {
                throw Error(lineNo, "unrecognised line: " + line);
            }
        }
        return assemblies;
    }

    static ApiType ParseType(string s, string ns, int lineNo)
    {
        var attributes = TakeAttributes(ref s);
        var modifiers = new List<string>();
        string kind = "";
        while (s.Length > 0)
        {
            string word = FirstWord(s);
            s = s[word.Length..].TrimStart();
            if (TypeKinds.Contains(word)) { kind = word; break; }
            modifiers.Add(word);
        }
        if (kind.Length == 0) throw Error(lineNo, "type line without a kind");

        string? returnType = null, parameters = null;
        if (kind == "delegate")
        {
            returnType = ReadTypeName(ref s);
            int paren = s.IndexOf('(');
            parameters = s[paren..];
            s = s[..paren];
        }
        string name = s, bases = "";
        int colon = s.IndexOf(" : ", StringComparison.Ordinal);
        if (colon >= 0) { name = s[..colon]; bases = s[(colon + 3)..]; }
        name = name.Trim();
        string? typeParameters = null;
        int lt = name.IndexOf('<');
        if (lt >= 0) { typeParameters = name[lt..]; name = name[..lt]; }
        if (ns.Length > 0)
        {
            if (!name.StartsWith(ns + ".", StringComparison.Ordinal)) throw Error(lineNo, $"type {name} outside namespace {ns}");
            name = name[(ns.Length + 1)..];
        }
        return new ApiType
        {
            Namespace = ns, RelativeName = name, Kind = kind, Attributes = attributes, Modifiers = modifiers,
            TypeParameters = typeParameters, DelegateReturnType = returnType, DelegateParameters = parameters,
            Bases = SplitTopLevel(bases), Line = lineNo,
        };
    }

    static ApiMember ParseMember(string s, int lineNo)
    {
        string kind = FirstWord(s);
        if (!MemberKinds.Contains(kind)) throw Error(lineNo, "unknown member kind " + kind);
        s = s[kind.Length..].TrimStart();
        var attributes = TakeAttributes(ref s);
        var modifiers = new List<string>();
        while (s.Length > 0 && ModifierWords.Contains(FirstWord(s)))
        {
            string word = FirstWord(s);
            modifiers.Add(word);
            s = s[word.Length..].TrimStart();
        }
        var member = new ApiMember(kind, attributes, modifiers, s, lineNo);
        if (member.IsExplicitInterfaceImplementation && member.ExplicitInterface is null)
            throw Error(lineNo, "member without accessibility that is not an explicit interface implementation (Interface.Member): " + s);
        if (member.IsExtension && !member.Has("static"))
            throw Error(lineNo, "extension method ('this' parameter) that is not static: " + s);
        return member;
    }

    /// <summary>Removes leading "[...]" groups (brackets balanced) and returns their inner text.</summary>
    public static List<string> TakeAttributes(ref string s)
    {
        var result = new List<string>();
        s = s.TrimStart();
        while (s.StartsWith('['))
        {
            int depth = 0, end = -1;
            for (int i = 0; i < s.Length && end < 0; i++)
            {
                if (s[i] == '[') depth++;
                else if (s[i] == ']' && --depth == 0) end = i;
            }
            if (end < 0) break;
            result.Add(s[1..end]);
            s = s[(end + 1)..].TrimStart();
        }
        return result;
    }

    /// <summary>Reads one type name such as "byte[]", "Func&lt;T, bool&gt;" or "SystemInfo.FloatingPoint" from the start.</summary>
    public static string ReadTypeName(ref string s)
    {
        int depth = 0, i = 0;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '<' || c == '(') depth++;
            else if (c == '>' || c == ')') depth--;
            else if (c == ' ' && depth == 0) break;
        }
        string name = s[..i];
        s = s[i..].TrimStart();
        return name;
    }

    /// <summary>Splits at commas that are not inside &lt;&gt;, () or [].</summary>
    public static List<string> SplitTopLevel(string s)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is '<' or '(' or '[') depth++;
            else if (c is '>' or ')' or ']') depth--;
            else if (c == ',' && depth == 0) { parts.Add(s[start..i].Trim()); start = i + 1; }
        }
        if (s[start..].Trim().Length > 0) parts.Add(s[start..].Trim());
        return parts;
    }

    static string FirstWord(string s)
    {
        int space = s.IndexOf(' ');
        return space < 0 ? s : s[..space];
    }

    static FormatException Error(int line, string message) => new($"api.txt:{line}: {message}");

    public static IEnumerable<ApiType> AllTypes(IEnumerable<ApiAssembly> assemblies) => assemblies.SelectMany(a => a.Types);
}
