using AmpController.Simulator.Board;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;
namespace AmpController.Simulator.Devices;

/// <summary>The physics side of a simulated volume chip: what the audio really gets.</summary>
public interface ISimVolumeChip : ISimI2cDevice
{
    /// <summary>Attenuation in dB (≥ 0) on side 0 = left, 1 = right; <see cref="double.PositiveInfinity"/> when that side is muted.</summary>
    double AttenuationDb(int side);

    /// <summary>True when both sides are silent.</summary>
    bool Muted { get; }
}
