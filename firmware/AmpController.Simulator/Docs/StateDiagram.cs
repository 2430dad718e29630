using System.Collections.Generic;
using System.Text;
using AmpController.Core.Control;

namespace AmpController.Simulator.Docs;

/// <summary>
/// Draws the controller's state machine from its transition table (<see cref="ControllerTransitions"/>), so the
/// drawing cannot drift from the code: docs/controller-states.md (Mermaid, rendered by GitHub) and
/// docs/controller-states.dot (Graphviz). A test regenerates both and fails when the committed text differs
/// (UPDATE_STATE_DIAGRAM=1 rewrites them, and renders docs/controller-states.svg when `dot` is installed).
/// Phases are grouped by the top-level state whose name the trace shows (docs/design.md §7).
/// </summary>
public static class StateDiagram
{
    public const string MarkdownPath = "docs/controller-states.md";
    public const string DotPath = "docs/controller-states.dot";
    public const string SvgPath = "docs/controller-states.svg";

    public static string Mermaid()
    {
        var sb = new StringBuilder();
        sb.Append("# Controller states\n\n");
        sb.Append("Generated from `ControllerTransitions` (firmware/AmpController.Core/Control/ControllerTransitions.cs) by\n");
        sb.Append("`StateDiagram` (firmware/AmpController.Simulator/Docs/StateDiagram.cs); do not edit by hand. A test fails when it is\n");
        sb.Append("stale: `UPDATE_STATE_DIAGRAM=1 dotnet test tests/AmpController.Tests --filter State_diagram` rewrites it, the\n");
        sb.Append("Graphviz version (controller-states.dot) and, when `dot` is installed, controller-states.svg.\n\n");
        sb.Append("Each box is a top-level state (the table below gives the name the trace prints, docs/design.md §7); the phases\n");
        sb.Append("inside it are its sub-states, named as `ControllerPhase` names them.\n");
        sb.Append("\"fault\" is any failed I2C transfer or readback, a supply event or a refused output write (S5, S6).\n");
        sb.Append("The controller's one transition function (`Controller.Go`) refuses any change of phase this table does not list.\n\n");
        sb.Append("```mermaid\nstateDiagram-v2\n");
        sb.Append("    [*] --> safeStart\n");
        // A box is named by the enum (a phase inside it may carry the trace name, and Mermaid ids must differ).
        AppendGroups(sb, "    state {0} {{\n", "        {0}\n", null);
        for (int i = 0; i < ControllerTransitions.Count; i++)
        {
            ControllerTransition t = ControllerTransitions.At(i);
            sb.Append("    ").Append(Id(t.From)).Append(" --> ").Append(Id(t.To)).Append(" : ").Append(t.Trigger).Append('\n');
        }
        sb.Append("```\n\n");
        sb.Append("| phase | trace state | leaves to |\n|---|---|---|\n");
        for (int p = 0; p < ControllerPhases.Count; p++)
        {
            var phase = (ControllerPhase)p;
            sb.Append("| ").Append(ControllerPhases.Name(phase)).Append(" | ")
              .Append(ControllerStates.Name(ControllerPhases.Parent(phase))).Append(" | ");
            bool first = true;
            for (int i = 0; i < ControllerTransitions.Count; i++)
            {
                ControllerTransition t = ControllerTransitions.At(i);
                if (t.From != phase) continue;
                if (!first) sb.Append("; ");
                sb.Append(ControllerPhases.Name(t.To)).Append(" (").Append(t.Trigger).Append(')');
                first = false;
            }
            sb.Append(" |\n");
        }
        return sb.ToString();
    }

    public static string Dot()
    {
        var sb = new StringBuilder();
        sb.Append("// Generated from ControllerTransitions by StateDiagram (firmware/AmpController.Simulator/Docs); do not edit.\n");
        sb.Append("digraph controller {\n");
        sb.Append("    rankdir=TB;\n    node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
        sb.Append("    edge [fontname=\"Helvetica\", fontsize=9];\n");
        AppendGroups(sb, "    subgraph cluster_{1} {{\n        label=\"{1}\"; style=dashed;\n", "        {0};\n", "    {0};\n");
        for (int i = 0; i < ControllerTransitions.Count; i++)
        {
            ControllerTransition t = ControllerTransitions.At(i);
            sb.Append("    ").Append(Id(t.From)).Append(" -> ").Append(Id(t.To))
              .Append(" [label=\"").Append(t.Trigger.Replace("\"", "\\\"")).Append("\"];\n");
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    private static string Id(ControllerPhase phase) => ControllerPhases.Name(phase);

    /// <summary>
    /// One group per top-level state: <paramref name="open"/> ({0} the enum's name, {1} the trace name), one
    /// <paramref name="item"/> per phase, "    }". A state that is a single phase of the same name is no group: it is
    /// written as <paramref name="single"/>, or left out when that is null.
    /// </summary>
    private static void AppendGroups(StringBuilder sb, string open, string item, string? single)
    {
        foreach (ControllerState state in States())
        {
            var phases = PhasesOf(state);
            if (phases.Count == 1 && Id(phases[0]) == ControllerStates.Name(state))
            {
                if (single != null) sb.AppendFormat(single, Id(phases[0]));
                continue;
            }
            sb.AppendFormat(open, state.ToString(), ControllerStates.Name(state));
            foreach (ControllerPhase p in phases) sb.AppendFormat(item, Id(p));
            sb.Append("    }\n");
        }
    }

    private static IEnumerable<ControllerState> States()
    {
        var seen = new List<ControllerState>();
        for (int p = 0; p < ControllerPhases.Count; p++)
        {
            ControllerState s = ControllerPhases.Parent((ControllerPhase)p);
            if (!seen.Contains(s)) seen.Add(s);
        }
        return seen;
    }

    private static List<ControllerPhase> PhasesOf(ControllerState state)
    {
        var list = new List<ControllerPhase>();
        for (int p = 0; p < ControllerPhases.Count; p++)
            if (ControllerPhases.Parent((ControllerPhase)p) == state) list.Add((ControllerPhase)p);
        return list;
    }
}
