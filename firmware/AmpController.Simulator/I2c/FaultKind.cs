using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;
namespace AmpController.Simulator.I2c;

/// <summary>Faults the <see cref="SimI2cBus"/> injects per device (docs/design.md §7 scenario fault kinds).</summary>
public enum FaultKind
{
    /// <summary>The next <c>count</c> transfers to the device are not acknowledged; the chip sees nothing.</summary>
    Nack,
    /// <summary>The device holds SDA low: every transfer fails until <c>durationMs</c> passes (0 = forever) or Recover().</summary>
    StuckBus,
    /// <summary>The next <c>count</c> transfers stop half-way: the chip gets the first half of the bytes.</summary>
    PartialTransfer,
    /// <summary>The next <c>count</c> reads from the device return one bit flipped; the bus reports success.</summary>
    BitFlip,
    /// <summary>The chip resets itself to its power-on state now.</summary>
    ChipReset,
    /// <summary>The chip loses power for <c>durationMs</c> (NACKs meanwhile), then powers up in its power-on state.</summary>
    PowerCycle,
    /// <summary>
    /// The chip answers nothing for <c>durationMs</c> (0 = for good): each transfer to it blocks the runtime for the native
    /// I2C timeout and ends as ClockStretchTimeout (docs/design.md §7); it keeps its register state.
    /// </summary>
    Missing,
}
