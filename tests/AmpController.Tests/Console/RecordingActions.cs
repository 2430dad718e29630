using System.Collections.Generic;
using AmpController.Core.SerialConsole;

namespace AmpController.Tests.SerialConsole;

/// <summary>Stands in for the controller: records what the console asked for.</summary>
public sealed class RecordingActions : IConsoleActions
{
    public readonly List<string> Calls = new();

    public void Mute() => Calls.Add("mute");
    public void Unmute() => Calls.Add("unmute");
    public void StepVolume(int steps) => Calls.Add("step " + steps);
    public void SettingsChanged() => Calls.Add("settings");
    /// <summary>What LeaveSafeMode answers: whether the controller was in safe mode.</summary>
    public bool InSafeMode = true;
    public bool LeaveSafeMode() { Calls.Add("safemode off"); return InSafeMode; }
    public string Describe() => "controller: test double";
    public string DoseText() { Calls.Add("dose"); return "dose: test double"; }
    /// <summary>The next notice TakeNotice hands out (then "").</summary>
    public string Notice = "";
    public string TakeNotice() { string n = Notice; Notice = ""; return n; }
}
