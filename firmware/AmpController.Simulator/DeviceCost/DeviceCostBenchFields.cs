using System.Text.Json;

namespace AmpController.Simulator.DeviceCost;

/// <summary>
/// The device-model fields of `ampsim bench` (docs/design.md §7): deviceBytesPerTick (the most device heap bytes any
/// steady playing tick allocates) and ilPerTick {steady, worst} (IL instructions per control tick), from
/// <see cref="DeviceCostModel"/>. Kept apart from BenchCommand so the command's parsing can change freely.
/// </summary>
public static class DeviceCostBenchFields
{
    public static void Write(Utf8JsonWriter json, DeviceCostReport report)
    {
        json.WriteNumber("deviceBytesPerTick", report.DeviceBytesPerTick);
        json.WriteStartObject("ilPerTick");
        json.WriteNumber("steady", report.SteadyIl);
        json.WriteNumber("worst", report.WorstIl);
        json.WriteEndObject();
        json.WriteBoolean("deviceGoalsMet", report.MeetsGoals);
    }

    public static string Text(DeviceCostReport report) =>
        $"device model:     {report.DeviceBytesPerTick} heap bytes per steady tick (goal 0), IL per tick steady {report.SteadyIl} " +
        $"(goal ≤ {DeviceCostReport.SteadyIlGoal}), worst {report.WorstIl} (goal ≤ {DeviceCostReport.WorstIlGoal}); docs/performance.md";
}
