using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using AmpController.Core.Control;
using AmpController.Simulator.Docs;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>
/// Issue 17: the controller's transition table (ControllerTransitions) is the one description of its state machine; the
/// drawings in docs/ are generated from it, and the table itself keeps the safety rules' shape (every running phase can
/// fault, every inserted phase ends at a removal, trace names stay the §7 ones).
/// </summary>
[TestClass]
public class StateMachineTests
{
    static string Repo => AmpController.Tests.NanoCompat.GateTests.RepoRoot();

    static IEnumerable<ControllerTransition> Table => Enumerable.Range(0, ControllerTransitions.Count).Select(ControllerTransitions.At);

    static IEnumerable<ControllerPhase> Phases => Enumerable.Range(0, ControllerPhases.Count).Select(i => (ControllerPhase)i);

    [TestMethod]
    public void State_diagram_in_docs_is_generated_from_the_transition_table()
    {
        string md = StateDiagram.Mermaid(), dot = StateDiagram.Dot();
        string mdPath = Path.Combine(Repo, StateDiagram.MarkdownPath), dotPath = Path.Combine(Repo, StateDiagram.DotPath);
        if (Environment.GetEnvironmentVariable("UPDATE_STATE_DIAGRAM") == "1")
        {
            File.WriteAllText(mdPath, md);
            File.WriteAllText(dotPath, dot);
            RenderSvg(dotPath, Path.Combine(Repo, StateDiagram.SvgPath));
        }
        const string how = ": regenerate with UPDATE_STATE_DIAGRAM=1 dotnet test tests/AmpController.Tests --filter State_diagram";
        Assert.IsTrue(File.Exists(mdPath) && File.ReadAllText(mdPath) == md, StateDiagram.MarkdownPath + " is stale" + how);
        Assert.IsTrue(File.Exists(dotPath) && File.ReadAllText(dotPath) == dot, StateDiagram.DotPath + " is stale" + how);
        foreach (ControllerTransition t in Table)
            StringAssert.Contains(md, $"{ControllerPhases.Name(t.From)} --> {ControllerPhases.Name(t.To)} : {t.Trigger}");
    }

    static void RenderSvg(string dotPath, string svgPath)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("dot", $"-Tsvg -o \"{svgPath}\" \"{dotPath}\"") { UseShellExecute = false });
            p?.WaitForExit(30_000);
        }
        catch (System.ComponentModel.Win32Exception) { Console.WriteLine("dot not installed: no SVG rendered"); }
    }

    [TestMethod]
    public void Every_phase_has_a_name_of_its_own_and_a_parent_whose_name_is_a_trace_state()
    {
        var traceNames = Enum.GetValues<ControllerState>().Select(ControllerStates.Name).ToHashSet();
        Assert.AreEqual(ControllerPhases.Count, Enum.GetValues<ControllerPhase>().Length);
        Assert.AreEqual(ControllerPhases.Count, Phases.Select(ControllerPhases.Name).Distinct().Count());
        foreach (ControllerPhase p in Phases)
        {
            Assert.AreNotEqual("unknown", ControllerPhases.Name(p));
            Assert.IsTrue(traceNames.Contains(ControllerStates.Name(ControllerPhases.Parent(p))), p.ToString());
        }
        foreach (ControllerState s in Enum.GetValues<ControllerState>())
            Assert.IsTrue(Phases.Any(p => ControllerPhases.Parent(p) == s), "no phase for the trace state " + s);
        Assert.AreEqual("unknown", ControllerPhases.Name((ControllerPhase)ControllerPhases.Count));
    }

    [TestMethod]
    public void Table_lists_each_transition_once_and_Allows_answers_exactly_the_table()
    {
        var pairs = Table.Select(t => (t.From, t.To)).ToList();
        Assert.AreEqual(pairs.Count, pairs.Distinct().Count(), "a transition listed twice");
        foreach (ControllerPhase from in Phases)
            foreach (ControllerPhase to in Phases)
                Assert.AreEqual(pairs.Contains((from, to)), ControllerTransitions.Allows(from, to), $"{from} -> {to}");
        Assert.IsFalse(ControllerTransitions.Allows((ControllerPhase)(-1), ControllerPhase.Fault));
        Assert.IsFalse(ControllerTransitions.Allows(ControllerPhase.Playing, (ControllerPhase)ControllerPhases.Count));
    }

    [TestMethod]
    public void Every_phase_is_reachable_from_the_safe_start_and_can_come_back_to_unplugged()
    {
        foreach (ControllerPhase p in Phases)
        {
            Assert.IsTrue(Reaches(ControllerPhase.SafeStart, p), "unreachable: " + p);
            if (p != ControllerPhase.SafeMode) Assert.IsTrue(Reaches(p, ControllerPhase.Unplugged), "no way back from " + p);
        }
        Assert.IsTrue(Reaches(ControllerPhase.SafeMode, ControllerPhase.Unplugged), "safe mode leaves by the console");
    }

    [TestMethod]
    public void S5_every_running_phase_goes_to_fault_and_every_inserted_phase_to_unplugged_when_the_jack_opens()
    {
        foreach (ControllerPhase p in Phases.Where(p => p != ControllerPhase.SafeMode))
            Assert.IsTrue(ControllerTransitions.Allows(p, ControllerPhase.Fault), p + " cannot fault");
        ControllerState[] inserted = { ControllerState.Debounce, ControllerState.Measuring, ControllerState.NoLoad,
            ControllerState.Configuring, ControllerState.RampUp, ControllerState.Playing };
        foreach (ControllerPhase p in Phases.Where(p => inserted.Contains(ControllerPhases.Parent(p))))
            Assert.IsTrue(ControllerTransitions.Allows(p, ControllerPhase.Unplugged), p + " ignores a removal (S2)");
    }

    [TestMethod]
    public void S3_music_is_reached_only_through_the_gain_switch_and_the_relay_settle_phases()
    {
        // Every path into RampUp/Playing from a phase with the relay open passes SwitchingGain then RelaySettling.
        var relayClosedPhases = new[] { ControllerPhase.RelaySettling, ControllerPhase.RampUp, ControllerPhase.Playing, ControllerPhase.PlayingMuted };
        foreach (ControllerTransition t in Table.Where(t => relayClosedPhases.Contains(t.To) && !relayClosedPhases.Contains(t.From)))
            Assert.AreEqual((ControllerPhase.SwitchingGain, ControllerPhase.RelaySettling), (t.From, t.To), "enters music from " + t.From);
        foreach (ControllerTransition t in Table.Where(t => t.To == ControllerPhase.SwitchingGain))
            Assert.IsFalse(relayClosedPhases.Contains(t.From), "gain switched from " + t.From + " with the relay closed");
    }

    static bool Reaches(ControllerPhase from, ControllerPhase to)
    {
        var seen = new HashSet<ControllerPhase> { from };
        var queue = new Queue<ControllerPhase>(seen);
        while (queue.Count > 0)
        {
            ControllerPhase p = queue.Dequeue();
            if (p == to) return true;
            foreach (ControllerTransition t in Table.Where(t => t.From == p))
                if (seen.Add(t.To)) queue.Enqueue(t.To);
        }
        return false;
    }
}
