using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Scenario;

/// <summary>Creates the simulated board that run, demo and bench play scenarios on: the real controller on simulated chips.</summary>
public static class BoardFactory
{
    public static ISimulatedBoard Create(BoardConfig config) => new SimulatedBoard(config);
}
