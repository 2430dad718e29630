using System.Collections.Generic;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Timeline;

/// <summary>
/// A board that can tell why the controller decided what it did (the policy's reason texts for the chosen gain
/// and cap). The demo prints the reasons of each new decision; boards without it are narrated from their state.
/// </summary>
public interface IExplainsDecisions
{
    /// <summary>The reasons behind the latest decision: a new list object per decision, empty before the first.</summary>
    IReadOnlyList<string> Reasons { get; }
}

public static class DecisionReasons
{
    /// <summary>The latest decision's reasons, or null when the board cannot explain or has not decided yet.</summary>
    public static IReadOnlyList<string>? Latest(ISimulatedBoard board) =>
        board is IExplainsDecisions e && e.Reasons.Count > 0 ? e.Reasons : null;
}
