namespace AmpController.Core.SerialConsole
{
    /// <summary>
    /// What the console needs beyond IConsoleActions (issue 15): whether the controller has settled after a command (so
    /// the reply can show the state after it, not before), the runtime's version, and the two service procedures. The
    /// device and `ampsim console` implement it over the controller; without one the shell still works (no procedures).
    /// </summary>
    public interface IConsoleService
    {
        /// <summary>True when no measurement, configuration, ramp or request is under way: the state shown stays.</summary>
        bool Settled { get; }

        /// <summary>The runtime under the firmware, e.g. "nanoCLR 1.16.0.568 on ESP32_REV0" or "simulator".</summary>
        string RuntimeVersion { get; }

        /// <summary>Starts the self-test, or returns null and the reason in <paramref name="refusal"/>.</summary>
        IConsoleProcedure? StartSelfTest(out string refusal);

        /// <summary>Starts the guided calibration, or returns null and the reason in <paramref name="refusal"/>.</summary>
        IConsoleProcedure? StartCalibration(out string refusal);
    }

    /// <summary>
    /// A procedure that runs over many control-loop periods (selftest, calibrate). The console steps it between ticks,
    /// reads no lines while it works, and hands it the operator's 'ok' or 'cancel' when it waits for one.
    /// </summary>
    public interface IConsoleProcedure
    {
        /// <summary>Advances one period; returns what to print ("" when nothing, lines separated by '\n').</summary>
        string Step();

        /// <summary>True while it waits for the operator ('ok' or 'cancel'); Step is not called meanwhile.</summary>
        bool WaitsForOperator { get; }

        /// <summary>The operator's answer: true for 'ok', false for 'cancel'. Returns what to print.</summary>
        string Answer(bool ok);

        /// <summary>True once finished (passed, failed or cancelled) and the hardware is back in the safe state.</summary>
        bool Done { get; }

        /// <summary>How the procedure calls itself in messages ("selftest", "calibrate").</summary>
        string Name { get; }
    }
}
