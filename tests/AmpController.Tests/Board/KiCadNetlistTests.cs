using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using BoardGen.Generate;
using BoardGen.Model;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Board;

/// <summary>
/// The generated netlist in KiCad's format "E" as Pcbnew reads it (KiCad source pcbnew/netlist_reader/
/// kicad_netlist_reader.cpp, KICAD_NETLIST_PARSER: export/version/components/libparts/nets; a comp needs ref, value,
/// a lib:name footprint ID and time stamps; libsource holds only lib, part, description; a node names a component
/// that came before), and - where Debian's KiCad is installed - loaded into a real Pcbnew board.
/// </summary>
[TestClass]
public sealed class KiCadNetlistTests
{
    static readonly Regex Uuid = new("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    static readonly string[] PinTypes = { "input", "output", "bidirectional", "tri_state", "passive", "free", "unspecified", "power_in", "power_out", "open_collector", "open_emitter", "no_connect" };

    [TestMethod]
    [DataRow("ds1882")]
    [DataRow("pt2258")]
    public void The_netlist_follows_KiCad_s_netlist_grammar_and_matches_the_description(string variant)
    {
        var board = BoardReader.ReadVariants(BoardFiles.BoardDir).Single(b => b.Variant == variant);
        var root = SExpr.Parse(KiCadNetlist.Write(board));
        Assert.AreEqual("export", root.Head);
        Assert.AreEqual("E", root.Value("version"));
        CollectionAssert.AreEqual(new[] { "export", "version", "design", "components", "libparts", "libraries", "nets" },
            root.Items.Select(i => i.IsList ? i.Head : i.Atom).ToArray(), "sections in Eeschema's order");

        var comps = root.Child("components").Children("comp").ToList();
        Assert.HasCount(board.Parts.Count, comps);
        var refs = comps.Select(c => c.Value("ref")).ToList();
        Assert.HasCount(refs.Count, refs.Distinct());
        foreach (var comp in comps)
        {
            string r = comp.Value("ref");
            Assert.AreEqual(board.Parts[r].Value, comp.Value("value"));
            StringAssert.Matches(comp.Value("footprint"), new Regex(@"^[A-Za-z0-9_.,-]+:[A-Za-z0-9_.,-]+$"), r + ": footprint is a LIB_ID");
            foreach (var s in comp.Child("libsource").Items.Skip(1)) CollectionAssert.Contains(new[] { "lib", "part", "description" }, s.Head, r);
            var sheetpath = comp.Child("sheetpath");
            StringAssert.StartsWith(sheetpath.Value("names"), "/");
            StringAssert.Matches(comp.Value("tstamps"), Uuid);
            var fields = comp.Child("fields").Children("field").ToDictionary(f => f.Value("name"), f => f.Items[2].Atom);
            Assert.AreEqual(board.Parts[r].Mpn, fields["MPN"], r);
        }
        Assert.HasCount(comps.Count, comps.Select(c => c.Value("tstamps")).Distinct(), "time stamps are unique");

        var nets = root.Child("nets").Children("net").ToList();
        Assert.HasCount(board.Nets.Count, nets);
        CollectionAssert.AreEqual(Enumerable.Range(1, nets.Count).Select(i => i.ToString()).ToArray(), nets.Select(n => n.Value("code")).ToArray());
        int nodes = 0;
        foreach (var net in nets)
        {
            var described = board.Nets[net.Value("name")];
            foreach (var node in net.Children("node"))
            {
                string r = node.Value("ref"), pin = node.Value("pin");
                CollectionAssert.Contains(refs, r, $"node {r}.{pin} names a component of the netlist");
                var def = board.Parts[r].Type.FindPin(pin)!;
                Assert.IsTrue(described.Nodes.Any(n => n.Part.Ref == r && n.Pin == def), $"{r}.{pin} is on {described.Name} in the description");
                CollectionAssert.Contains(PinTypes, node.Value("pintype"));
                nodes++;
            }
        }
        Assert.AreEqual(board.Nets.Values.Sum(n => n.Nodes.Count), nodes, "every connection of the description is in the netlist");
    }

    [TestMethod]
    public void The_netlist_is_the_same_every_time_it_is_generated()
    {
        var board = BoardReader.ReadDefault(BoardFiles.BoardDir);
        Assert.AreEqual(KiCadNetlist.Write(board), KiCadNetlist.Write(BoardReader.ReadDefault(BoardFiles.BoardDir)));
    }

    /// <summary>Runs tools/BoardGen/kicad/import_netlist.py with Debian KiCad's Python module: the footprints load from
    /// KiCad's libraries, every node finds its pad, the saved board reads back. Inconclusive where KiCad is not
    /// installed (tests/run.sh does not install it: 136 MB); the committed footprint-pads.txt check runs everywhere.</summary>
    [TestMethod]
    public void KiCad_pcbnew_loads_every_footprint_and_puts_every_pad_on_its_net()
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists("/usr/lib/python3/dist-packages/pcbnew.py") || !File.Exists(python))
            Assert.Inconclusive("KiCad (Debian package kicad) is not installed: apt-get install kicad kicad-footprints");
        foreach (var board in BoardReader.ReadVariants(BoardFiles.BoardDir))
        {
            string dir = Path.Combine(Path.GetTempPath(), $"kicad-{Guid.NewGuid():N}");
            Directory.CreateDirectory(dir);
            try
            {
                string net = Path.Combine(dir, "board.net");
                File.WriteAllText(net, KiCadNetlist.Write(board));
                var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                psi.ArgumentList.Add(Path.Combine(BoardFiles.Repo, "tools", "BoardGen", "kicad", "import_netlist.py"));
                psi.ArgumentList.Add(net);
                psi.ArgumentList.Add(Path.Combine(dir, "board.kicad_pcb"));
                psi.Environment["HOME"] = dir; // pcbnew writes its settings under $HOME
                using var p = Process.Start(psi)!;
                var err = p.StandardError.ReadToEndAsync();
                string output = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                Assert.AreEqual(0, p.ExitCode, output + err.Result);
                int nodes = board.Nets.Values.Sum(n => n.Nodes.Count);
                StringAssert.Contains(output, $"{board.Parts.Count} footprints, {board.Nets.Count} nets, {nodes} of {nodes} netlist nodes on their pads");
            }
            finally { Directory.Delete(dir, true); }
        }
    }
}
