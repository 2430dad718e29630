namespace AmpController.Simulator.Board;

/// <summary>
/// Faults a scenario can inject (docs/design.md §7 kinds, then the simulated board's extras). The scenario spelling
/// is the camelCase name (Vocabulary/Names). The I2C kinds go to the bus (<see cref="I2c.FaultKind"/>); adcSpike to
/// the sense front end; stall hangs the control loop (rule S8); powerCycle on the board cuts the whole board's power.
/// </summary>
public enum BoardFaultKind
{
    Nack,
    StuckBus,
    ChipReset,
    BitFlip,
    AdcSpike,
    PowerCycle,
    PartialTransfer,
    Stall,

    /// <summary>The chip answers nothing: each transfer blocks the runtime for the I2C timeout (durationMs, 0 = for good).</summary>
    Missing,

    /// <summary>The whole interpreter stops for durationMs (0 = for good): no tick, no timer, no watchdog feed.</summary>
    RuntimeHang,
}

/// <summary>What a fault hits: the volume chip, the gain/relay expander (I2C), the whole board, the sense ADC.</summary>
public enum FaultDevice
{
    Volume,
    Expander,
    Board,
    Sense,
}
