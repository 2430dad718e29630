using System;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Hardware;

/// <summary>
/// hardware/sense-frontend.cir in ngspice against the simulator's physics (SenseNetwork) and the firmware estimator,
/// over loads from 0 Ω to open, nominal/corner/Monte Carlo boards and ADC references of 1.0–1.2 V.
/// </summary>
[TestClass]
public class SenseSpiceTests
{
    static SpiceBoards _boards = null!;

    [ClassInitialize]
    public static void RunNgSpice(TestContext _) => _boards = new SpiceBoards();

    [TestMethod]
    public void Netlist_and_simulator_physics_agree_within_half_a_percent()
    {
        double worstAdc = 0, worstRatio = 0;
        string where = "";
        for (int b = 0; b < _boards.Parts.Count; b++)
        {
            var p = _boards.Parts[b];
            double[] zero = _boards.Rows[$"{b}:zero"];
            for (int l = 0; l < SpiceBoards.Loads.Length; l++)
            {
                double load = SpiceBoards.Loads[l];
                foreach (var (tag, lowLeft) in new[] { ("A", true), ("B", false) })
                {
                    double[] row = _boards.Rows[$"{b}:{l}:{tag}"];
                    double vs = SenseNetwork.BufferVolts(p, SenseNetwork.SourceFinalVolts(p));
                    double[] model = new double[5];
                    model[0] = SenseNetwork.AdcVolts(p, 0, vs);
                    model[3] = SenseNetwork.JackVolts(p, 0, vs, load, lowLeft, true, true);
                    model[4] = SenseNetwork.JackVolts(p, 1, vs, load, !lowLeft, true, true);
                    model[1] = SenseNetwork.AdcVolts(p, 1, model[3]);
                    model[2] = SenseNetwork.AdcVolts(p, 2, model[4]);
                    for (int i = 0; i < 5; i++)
                    {
                        double tol = i < 3 ? 0.005 * Math.Abs(row[i]) : 0.005 * Math.Abs(row[i]) + 1e-6;
                        double err = Math.Abs(model[i] - row[i]);
                        Assert.IsTrue(err <= tol, $"board {b}, {load} Ω, {tag}, node {i}: spice {row[i]} model {model[i]}");
                        if (i < 3) worstAdc = Math.Max(worstAdc, err / Math.Abs(row[i]));
                    }
                    for (int ch = 1; ch <= 2; ch++)
                    {
                        double spiceRatio = (row[ch] - zero[ch]) / (row[0] - zero[0]);
                        // The zero operating point: source off (buffer at its offset), 32 Ω, low range (SpiceBoards).
                        double vs0 = SenseNetwork.BufferVolts(p, 0);
                        double zeroCh = SenseNetwork.AdcVolts(p, ch, SenseNetwork.JackVolts(p, ch - 1, vs0, 32, true, true, true));
                        double modelRatio = (model[ch] - zeroCh) / (model[0] - SenseNetwork.AdcVolts(p, 0, vs0));
                        double err = Math.Abs(modelRatio - spiceRatio);
                        Assert.IsTrue(err <= 0.005 * Math.Abs(spiceRatio) + 2e-5, $"board {b}, {load} Ω, {tag}, ratio {ch}: spice {spiceRatio} model {modelRatio}");
                        if (spiceRatio > 1e-3 && err / spiceRatio > worstRatio) { worstRatio = err / spiceRatio; where = $"board {b}, {load} Ω"; }
                    }
                }
            }
        }
        Console.WriteLine($"worst ADC-pin disagreement {worstAdc * 100:F4} %, worst ratio disagreement {worstRatio * 100:F4} % ({where})");
    }

    [TestMethod]
    public void Firmware_estimator_on_ngspice_readings_meets_the_targets()
    {
        double worst = 0;
        string where = "";
        for (int b = 0; b < _boards.Parts.Count; b++)
        {
            var rig = new SpiceRig(_boards, b);
            var calibration = SenseCalibration.FromTwoResistors(10, 470,
                rig.Ratio(Index(10), 0), rig.Ratio(Index(470), 0), rig.Ratio(Index(10), 1), rig.Ratio(Index(470), 1));
            Assert.IsNotNull(calibration, $"board {b}: the two calibration readings were refused");
            rig.Sensor.Calibration = calibration;
            Assert.IsFalse(rig.Sensor.Calibration.FellBackToDefaults, $"board {b}");
            for (int l = 2; l < SpiceBoards.Loads.Length; l++)
            {
                double load = SpiceBoards.Loads[l];
                var r = rig.Measure(l);
                Assert.IsTrue(rig.DurationMs <= 60, $"board {b}: {rig.DurationMs} ms");
                LoadClass expected = load < 2 ? LoadClass.Short : load < 5000 ? LoadClass.Headphone : load < 100000 ? LoadClass.Line : LoadClass.Open;
                Assert.AreEqual(expected, r.Class, $"board {b}, {load} Ω: {r.LeftOhm}/{r.RightOhm}");
                if (load >= 8 && load <= 600)
                    foreach (double est in new[] { r.LeftOhm, r.RightOhm })
                    {
                        double e = Math.Abs(est / load - 1);
                        if (e > worst) { worst = e; where = $"board {b}, {load} Ω read {est:F3}"; }
                    }
            }
        }
        Console.WriteLine($"worst 8-600 ohm error on ngspice readings: {worst * 100:F3} % ({where})");
        Assert.IsTrue(worst <= 0.02, where);
    }

    static int Index(double load) => Array.IndexOf(SpiceBoards.Loads, load);

    /// <summary>The firmware sensor reading ideal 12-bit codes of the ngspice node voltages for one board.</summary>
    sealed class SpiceRig
    {
        readonly SpiceBoards _boards;
        readonly int _board;
        readonly Pin _source = new(), _lowLeft = new(), _lowRight = new();
        int _load;

        public SpiceRig(SpiceBoards boards, int board)
        {
            _boards = boards;
            _board = board;
            Sensor = new ImpedanceSensor(new Adc(this, 0), new Adc(this, 1), new Adc(this, 2), _source, _lowLeft, _lowRight, null);
        }

        public ImpedanceSensor Sensor { get; }
        public long DurationMs { get; private set; }
        long _now = 1000;

        public SenseResult Measure(int load)
        {
            _load = load;
            Sensor.Start(_now);
            long start = _now;
            while (!Sensor.Poll(_now += 10)) if (_now - start > 1000) throw new InvalidOperationException("no result");
            DurationMs = _now - start;
            _now += 10;
            return Sensor.Result;
        }

        public double Ratio(int load, int channel)
        {
            Measure(load);
            return Sensor.SettledRatio(channel);
        }

        int Code(int stage)
        {
            double v;
            if (!_source.High) v = _boards.Rows[$"{_board}:zero"][stage];
            else if (stage == 0) v = _boards.Rows[$"{_board}:{_load}:A"][0];
            else if (stage == 1) v = _boards.Rows[$"{_board}:{_load}:{(_lowLeft.High ? "A" : "B")}"][1];
            else v = _boards.Rows[$"{_board}:{_load}:{(_lowRight.High ? "B" : "A")}"][2];
            return (int)Math.Clamp(Math.Round(v / _boards.Reference(_board) * 4095), 0, 4095);
        }

        sealed class Adc(SpiceRig rig, int stage) : IAdcChannel
        {
            public int MaxValue => 4095;
            public int ReadRaw() => rig.Code(stage);
        }

        sealed class Pin : IDigitalOutput
        {
            public bool High;
            public void Write(bool high) => High = high;
        }
    }
}
