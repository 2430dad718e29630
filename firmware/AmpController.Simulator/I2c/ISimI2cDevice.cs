using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;
namespace AmpController.Simulator.I2c;

/// <summary>A simulated chip on the <see cref="SimI2cBus"/>: the register side the master talks to.</summary>
public interface ISimI2cDevice
{
    /// <summary>7-bit slave address.</summary>
    int Address { get; }

    /// <summary>The bytes the master wrote in one transaction (after the address byte), first <paramref name="count"/> only.</summary>
    void Receive(byte[] data, int count);

    /// <summary>Fills the first <paramref name="count"/> bytes the master reads.</summary>
    void Transmit(byte[] into, int count);

    /// <summary>Back to the datasheet power-on state, as after a supply dip or power cycle at <paramref name="nowMs"/>.</summary>
    void PowerOnReset(long nowMs);
}
