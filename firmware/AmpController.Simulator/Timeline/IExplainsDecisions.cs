using System.Collections.Generic;

namespace AmpController.Simulator.Timeline;

/// <summary>
/// A board that can tell why the controller decided what it did (the policy's reason texts for the chosen gain
/// and cap). The demo prints new reasons as they appear; boards without it are narrated from their state alone.
/// </summary>
public interface IExplainsDecisions
{
    IReadOnlyList<string> Reasons { get; }
}
