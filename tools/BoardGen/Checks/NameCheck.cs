using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using BoardGen.Model;

namespace BoardGen.Checks;

/// <summary>
/// One name per part in every document: each relay name (K1, K2A, ...), connector name (J1, ...) and IC designator
/// (U408, ...) mentioned in hardware/ (the READMEs, the .cir netlists, the sheets and the ngspice harnesses), docs/, the
/// firmware's READMEs and its code comments is a part of the board (an IC of either variant), and
/// where a relay name stands next to a role ("output relay", "sense relay", "gain relay", "series resistor relay")
/// the role is that relay's role on the board (relay= on the part).
/// </summary>
public static class NameCheck
{
    static readonly (Regex Pattern, string Role)[] Roles =
    {
        (new Regex(@"output relay", RegexOptions.IgnoreCase), "output"),
        (new Regex(@"sense relay", RegexOptions.IgnoreCase), "sense"),
        (new Regex(@"gain(?:-select)? relays?", RegexOptions.IgnoreCase), "gain"),
        (new Regex(@"series (?:output )?resistor relay", RegexOptions.IgnoreCase), "series"),
    };
    // "AKG K701" is a headphone (data/headphones.csv, the tier table of docs/acoustics.md), not a relay.
    static readonly Regex Relay = new(@"(?<!AKG )\bK\d+[AB]?\b");
    static readonly Regex Connector = new(@"\bJ\d+\b");
    static readonly Regex Chip = new(@"\bU\d{3,4}\b");

    public static IEnumerable<string> Documents(string repo)
    {
        var files = new List<string>();
        files.AddRange(Directory.GetFiles(Path.Combine(repo, "hardware"), "*.md"));
        files.AddRange(Directory.GetFiles(Path.Combine(repo, "hardware"), "*.cir"));
        files.AddRange(Directory.GetFiles(Path.Combine(repo, "hardware", "board", "sheets"), "*.txt"));
        files.AddRange(Directory.GetFiles(Path.Combine(repo, "hardware", "board", "spice"), "*.harness"));
        files.AddRange(Directory.GetFiles(Path.Combine(repo, "docs"), "*.md"));
        files.AddRange(Directory.GetFiles(Path.Combine(repo, "firmware"), "README.md", SearchOption.AllDirectories));
        files.AddRange(Directory.GetFiles(Path.Combine(repo, "firmware"), "*.cs", SearchOption.AllDirectories)
            .Where(x => !x.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !x.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")));
        return files.OrderBy(x => x, StringComparer.Ordinal);
    }

    public static List<Finding> Run(Board board, string repo) => Run(board, repo, Documents(repo));

    /// <param name="otherChips">IC designators of the other variants (U1413 is on the PT2258 board only).</param>
    public static List<Finding> Run(Board board, string repo, IEnumerable<string> documents, IEnumerable<string>? otherChips = null)
    {
        var f = new List<Finding>();
        var relays = board.Parts.Values.Where(p => p.Type.Id.StartsWith("RELAY")).ToList();
        string? RoleOf(string name)
        {
            var p = relays.Where(r => r.Ref == name || r.Ref.TrimEnd('A', 'B') == name).ToList();
            return p.Count == 0 ? null : p[0].Attrs.GetValueOrDefault("relay", "?");
        }
        var connectors = board.Parts.Values.Where(p => p.Ref.StartsWith('J')).Select(p => p.Ref).ToHashSet();
        var chips = board.Parts.Keys.Where(r => r.StartsWith('U')).Concat(otherChips ?? Array.Empty<string>()).ToHashSet();
        foreach (string file in documents)
        {
            string rel = Path.GetRelativePath(repo, file);
            int lineNo = 0;
            foreach (string line in File.ReadLines(file))
            {
                lineNo++;
                foreach (Match m in Relay.Matches(line))
                {
                    string? role = RoleOf(m.Value);
                    if (role == null) { f.Add(new Finding("name-unknown-relay", $"{rel}:{lineNo}: {m.Value} is no relay of the board")); continue; }
                    string? said = SaidRole(line, m);
                    if (said != null && said != role)
                        f.Add(new Finding("name-role", $"{rel}:{lineNo}: {m.Value} is called a {said} relay, on the board it is the {role} relay"));
                }
                foreach (Match m in Connector.Matches(line))
                    if (!connectors.Contains(m.Value)) f.Add(new Finding("name-unknown-connector", $"{rel}:{lineNo}: {m.Value} is no connector of the board"));
                foreach (Match m in Chip.Matches(line))
                    if (!chips.Contains(m.Value)) f.Add(new Finding("name-unknown-chip", $"{rel}:{lineNo}: {m.Value} is no IC of the board"));
            }
        }
        return f;
    }

    /// <summary>The role written right next to a relay name: "gain relay K3", "K2 (sense relay", "K1, the output relay".</summary>
    static string? SaidRole(string line, Match name)
    {
        foreach (var (pattern, role) in Roles)
            foreach (Match r in pattern.Matches(line))
            {
                int end = r.Index + r.Length;
                if (end <= name.Index && Regex.IsMatch(line[end..name.Index], @"^[\s*`]{1,3}$")) return role;
                int after = name.Index + name.Length;
                if (r.Index >= after && Regex.IsMatch(line[after..r.Index], @"^[\s*`]*[,(]?\s*(the\s+)?$")) return role;
            }
        return null;
    }
}
