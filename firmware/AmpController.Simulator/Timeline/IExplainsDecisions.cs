using System.Collections.Generic;
using System.Linq;
using AmpController.Simulator.Board;

namespace AmpController.Simulator.Timeline;

/// <summary>
/// A board that can tell why the controller decided what it did. <see cref="DecisionReasons"/> reads the
/// simulated board's policy directly; other boards (test doubles) may implement this.
/// </summary>
public interface IExplainsDecisions
{
    /// <summary>The object behind the latest decision (a new one per decision), or null before the first.</summary>
    object? LatestDecision { get; }

    IReadOnlyList<string> Reasons { get; }
}

/// <summary>The policy's reason texts (Core/Acoustics SafetyPolicy) behind the controller's latest gain and cap decision.</summary>
public static class DecisionReasons
{
    public static object? Latest(ISimulatedBoard board) => board switch
    {
        SimulatedBoard simulated => simulated.Policy.LastDecision,
        IExplainsDecisions explainer => explainer.LatestDecision,
        _ => null,
    };

    public static IReadOnlyList<string> Texts(ISimulatedBoard board) => board switch
    {
        SimulatedBoard { Policy.LastDecision: { } d } => d.Reasons.Select(r => r.Text).ToArray(),
        IExplainsDecisions explainer => explainer.Reasons,
        _ => [],
    };
}
