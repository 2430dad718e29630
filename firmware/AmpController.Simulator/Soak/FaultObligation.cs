namespace AmpController.Simulator.Soak;

/// <summary>A fault the controller must answer by opening the output relay before <see cref="Deadline"/> (S5, S6, S2).</summary>
internal sealed class FaultObligation(long deadline, bool absorbable, bool stuckBus = false, long faultEndMs = 0, int stuckAnswersAtStart = 0)
{
    public long Deadline = deadline;

    /// <summary>A volume chip reset or power cycle that the controller's own writes may absorb (the chip plays again
    /// as written before a readback could see it: no harm, nothing to detect).</summary>
    public readonly bool Absorbable = absorbable;

    public readonly bool StuckBus = stuckBus;

    /// <summary>When a time-limited fault ends by itself (0: it lasts until the controller acts).</summary>
    public readonly long FaultEndMs = faultEndMs;

    /// <summary>The bus's <see cref="I2c.SimI2cBus.StuckAnswers"/> when the fault began: more since, and the controller knows.</summary>
    public readonly int StuckAnswersAtStart = stuckAnswersAtStart;
}
