using System;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Sense;

/// <summary>
/// One simulated board's sense circuit with the real firmware estimator on a 10 ms tick, as used by `ampsim sense`,
/// the Monte Carlo tests and the docs. The constructor runs the factory calibration (hardware/README.md): three
/// 0.1 % resistors (SenseCalibrationRun: one read zoomed, two spanning the normal gain) plugged in turn and each
/// measured <see cref="CalRepeats"/> times.
/// </summary>
public sealed class SimSenseRig
{
    public const int CalRepeats = 8;
    const long GiveUpMs = 2000;

    public SimSenseRig(int seed, bool calibrate = true)
    {
        Clock = new RigClock();
        Circuit = SimSenseCircuit.FromSeed(seed, Clock);
        Sensor = Circuit.CreateSensor(null);
        _calRng = new Random(seed ^ 0x5ca1ab1e);
        if (calibrate) Sensor.Calibration = FactoryCalibrate();
    }

    readonly Random _calRng;

    public RigClock Clock { get; }
    public SimSenseCircuit Circuit { get; }
    public ImpedanceSensor Sensor { get; }

    /// <summary>
    /// The constants the factory stores for the board drawn from <paramref name="seed"/>: the same parts as
    /// SimSenseCircuit.FromSeed(seed, …), so a simulated board can use them with its own circuit and clock.
    /// </summary>
    public static SenseCalibration FactoryCalibration(int seed) => new SimSenseRig(seed).Sensor.Calibration;

    /// <summary>Device time of the last measurement, Start to done.</summary>
    public long LastDurationMs { get; private set; }

    /// <summary>Plugs the load, measures once on a 10 ms tick and returns a copy of the result.</summary>
    public SenseResult Measure(SimSenseLoad load)
    {
        Circuit.Plug(load);
        return MeasurePlugged();
    }

    public SenseResult MeasurePlugged()
    {
        long start = Clock.NowMs;
        Sensor.Start(start);
        while (!Sensor.Poll(Clock.NowMs))
        {
            if (Clock.NowMs - start > GiveUpMs) throw new InvalidOperationException("sensor did not finish");
            Clock.NowMs += SenseDesign.TickMs;
        }
        LastDurationMs = Clock.NowMs - start;
        Clock.NowMs += SenseDesign.TickMs;
        var r = Sensor.Result;
        return new SenseResult
        {
            LeftOhm = r.LeftOhm, RightOhm = r.RightOhm, LeftClass = r.LeftClass, RightClass = r.RightClass, Class = r.Class,
            CalibrationFallback = r.CalibrationFallback,
        };
    }

    /// <summary>
    /// Factory calibration: each 0.1 % resistor (its true value drawn within tolerance) measured CalRepeats times;
    /// the averaged settled ratios give the constants; implausible results fall back to defaults (flagged).
    /// </summary>
    public SenseCalibration FactoryCalibrate()
    {
        Sensor.Calibration = SenseCalibration.Defaults();
        var run = new SenseCalibrationRun();
        double[] ohms = { SenseCalibrationRun.ZoomOhm, SenseCalibrationRun.LowOhm, SenseCalibrationRun.HighOhm };
        for (int step = 0; step < ohms.Length; step++)
        {
            double actual = ohms[step] * Precision();
            for (int i = 0; i < CalRepeats; i++)
            {
                Measure(SimSenseLoad.Stereo(actual));
                run.Add(Sensor, step);
            }
        }
        Circuit.Unplug();
        return run.Finish();
    }

    double Precision() => 1 + (_calRng.NextDouble() * 2 - 1) * 0.001;

    /// <summary>A settable millisecond clock for the rig.</summary>
    public sealed class RigClock : IClock
    {
        public long NowMs { get; set; }
    }
}
