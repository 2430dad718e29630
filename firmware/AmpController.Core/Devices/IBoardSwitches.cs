namespace AmpController.Core.Devices
{
    /// <summary>
    /// The relays and LEDs behind the I2C port expander (docs/design.md §2): gain select, sense relay, LEDs.
    /// The output relay is not here: it is a direct GPIO (IDigitalOutput) so it works with the bus dead.
    /// </summary>
    public interface IBoardSwitches
    {
        /// <summary>Configures the expander; leaves the lowest gain selected and the sense relay open.</summary>
        DeviceStatus Initialize();

        /// <summary>Selects gain step 0, 1 or 2 (board profile order: lowest gain first).</summary>
        DeviceStatus SetGainStep(int step);

        DeviceStatus SetSenseRelay(bool closed);

        DeviceStatus SetLeds(int mask);

        /// <summary>Reads the output and configuration registers back and compares with what was written.</summary>
        DeviceStatus Verify();
    }
}
