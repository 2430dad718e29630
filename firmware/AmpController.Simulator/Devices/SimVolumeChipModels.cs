using AmpController.Core.Devices;
using AmpController.Core.Platform;
using AmpController.Core.Storage;

namespace AmpController.Simulator.Devices;

/// <summary>The simulated model of each volume chip the board takes (Core's VolumeChipKind): the one place the simulator
/// maps a chip to its model, at the address the descriptor gives.</summary>
public static class SimVolumeChipModels
{
    public static ISimVolumeChip Create(VolumeChipKind chip, IClock clock, int seed) => chip.Choice switch
    {
        VolumeChipChoice.Pt2258 => new SimPt2258(clock, chip.Address, seed),
        _ => new SimDs1882(chip.Address),
    };
}
