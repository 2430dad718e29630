using System;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Sense;

namespace AmpController.Tests.Hardware;

/// <summary>
/// hardware/sense-frontend.cir in ngspice against the simulator's physics (SenseNetwork) and the firmware estimator,
/// over loads from 0 Ω to open in both ranges and zoomed, on the nominal, corner and Monte Carlo boards (SpiceBoards).
/// </summary>
[TestClass]
public class SenseSpiceTests
{
    static SpiceBoards _boards = null!;

    [ClassInitialize]
    public static void RunNgSpice(TestContext _) => _boards = SpiceBoards.Shared;

    [TestMethod]
    public void Netlist_and_simulator_physics_agree_within_half_a_percent()
    {
        double worstAdc = 0, worstJack = 0, worstRatio = 0;
        string where = "";
        for (int b = 0; b < _boards.Parts.Count; b++)
        {
            var p = _boards.Parts[b];
            double vs = SenseNetwork.BufferVolts(p, SenseNetwork.SourceFinalVolts(p));
            double vs0 = SenseNetwork.BufferVolts(p, 0);
            foreach (bool zoom in new[] { false, true })
            {
                double[] zero = _boards.Rows[$"{b}:{(zoom ? "zeroZ" : "zero")}"];
                for (int st = 0; st < 3; st++)
                {
                    // The zero operating point: source off, 32 Ω, low range (SpiceBoards).
                    double model = SenseNetwork.AdcVolts(p, st, st == 0 ? vs0 : SenseNetwork.JackVolts(p, st - 1, vs0, 32, true, true, true), zoom);
                    worstAdc = Math.Max(worstAdc, Check(model, zero[st], 0.005 * zero[st], $"board {b} zero {st} zoom {zoom}"));
                }
            }
            for (int l = 0; l < SpiceBoards.Loads.Length; l++)
            {
                double load = SpiceBoards.Loads[l];
                foreach (var (tag, lowLeft, lowRight, zoom) in new[] { ("A", true, false, false), ("B", false, true, false), ("C", true, true, true) })
                {
                    double[] row = _boards.Rows[$"{b}:{l}:{tag}"];
                    double[] jack = { SenseNetwork.JackVolts(p, 0, vs, load, lowLeft, true, true), SenseNetwork.JackVolts(p, 1, vs, load, lowRight, true, true) };
                    double[] adc = { SenseNetwork.AdcVolts(p, 0, vs), SenseNetwork.AdcVolts(p, 1, jack[0], zoom), SenseNetwork.AdcVolts(p, 2, jack[1], zoom) };
                    string at = $"board {b}, {load} Ω, {tag}";
                    for (int i = 0; i < 3; i++)
                        if (row[i] < ClampFreeVolts) worstAdc = Math.Max(worstAdc, Check(adc[i], row[i], 0.005 * row[i], $"{at}, ADC {i}"));
                    for (int ch = 0; ch < 2; ch++)
                    {
                        if (row[1 + ch] >= ClampFreeVolts) continue; // a zoomed high load: the pin's clamps conduct (never read)
                        worstJack = Math.Max(worstJack, Check(jack[ch], row[3 + ch], 0.005 * row[3 + ch] + 1e-6, $"{at}, jack {ch}"));
                        double[] zero = _boards.Rows[$"{b}:{(zoom ? "zeroZ" : "zero")}"];
                        double spiceRatio = (row[1 + ch] - zero[1 + ch]) / (row[0] - _boards.Rows[$"{b}:zero"][0]);
                        double vz = SenseNetwork.AdcVolts(p, 1 + ch, SenseNetwork.JackVolts(p, ch, vs0, 32, true, true, true), zoom);
                        double modelRatio = (adc[1 + ch] - vz) / (adc[0] - SenseNetwork.AdcVolts(p, 0, vs0));
                        double err = Math.Abs(modelRatio - spiceRatio);
                        Assert.IsTrue(err <= 0.005 * Math.Abs(spiceRatio) + 2e-5, $"{at}, ratio {ch}: spice {spiceRatio} model {modelRatio}");
                        if (spiceRatio > 1e-3 && err / spiceRatio > worstRatio) { worstRatio = err / spiceRatio; where = at; }
                    }
                }
            }
        }
        Console.WriteLine($"{_boards.Parts.Count} boards × {SpiceBoards.Loads.Length} loads × (A, B, zoomed): worst ADC-pin disagreement {worstAdc * 100:F4} %, " +
            $"jack {worstJack * 100:F4} %, ratio {worstRatio * 100:F4} % ({where})");
    }

    /// <summary>Above this the BAT54S clamps at the ADC pin start to conduct (only zoomed readings of loads the estimator
    /// never zooms get there); the C# network has no clamps and is compared below it.</summary>
    const double ClampFreeVolts = 3.0;

    static double Check(double model, double spice, double tolerance, string what)
    {
        double err = Math.Abs(model - spice);
        Assert.IsTrue(err <= tolerance, $"{what}: spice {spice} model {model}");
        return Math.Abs(spice) > 1e-9 ? err / Math.Abs(spice) : 0;
    }

    [TestMethod]
    public void Firmware_estimator_on_ngspice_readings_meets_the_targets()
    {
        double worst = 0;
        string where = "";
        for (int b = 0; b < _boards.Parts.Count; b++)
        {
            var rig = new SpiceRig(_boards, b);
            rig.Calibrate();
            Assert.IsFalse(rig.Sensor.Calibration.FellBackToDefaults, $"board {b}");
            for (int l = 0; l < SpiceBoards.Loads.Length; l++)
            {
                double load = SpiceBoards.Loads[l];
                var r = rig.Measure(l);
                Assert.IsTrue(rig.DurationMs <= 80, $"board {b}: {rig.DurationMs} ms");
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
        Console.WriteLine($"worst 8-600 ohm error on ngspice readings (ideal 12-bit codes, converter corners): {worst * 100:F3} % ({where})");
        Assert.IsTrue(worst <= 0.02, where);
    }

    /// <summary>The firmware sensor reading noise-free codes of the ngspice node voltages of one board, through one of
    /// the converter's corners (full scale, zero offset).</summary>
    sealed class SpiceRig
    {
        readonly SpiceBoards _boards;
        readonly int _board;
        readonly Pin _source = new(), _lowLeft = new(), _lowRight = new(), _zoomLeft = new(), _zoomRight = new();
        int _load;
        long _now = 1000;

        public SpiceRig(SpiceBoards boards, int board)
        {
            _boards = boards;
            _board = board;
            Sensor = new ImpedanceSensor(new SensePorts(new Adc(this, 0), new Adc(this, 1), new Adc(this, 2), _source,
                _lowLeft, _lowRight, _zoomLeft, _zoomRight), null);
        }

        public ImpedanceSensor Sensor { get; }
        public long DurationMs { get; private set; }

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

        public void Calibrate()
        {
            var run = new SenseCalibrationRun();
            double[] ohms = { SenseCalibrationRun.ZoomOhm, SenseCalibrationRun.LowOhm, SenseCalibrationRun.HighOhm };
            for (int step = 0; step < 3; step++)
            {
                Measure(Array.IndexOf(SpiceBoards.Loads, ohms[step]));
                Assert.IsTrue(run.Add(Sensor, step), $"board {_board}, calibration step {step}");
            }
            Sensor.Calibration = run.Finish();
        }

        int Code(int stage)
        {
            bool zoom = stage == 1 ? _zoomLeft.High : stage == 2 && _zoomRight.High;
            double v;
            if (!_source.High) v = _boards.Rows[$"{_board}:{(zoom ? "zeroZ" : "zero")}"][stage];
            else if (stage == 0) v = _boards.Rows[$"{_board}:{_load}:A"][0];
            else v = _boards.Row(_board, _load, stage - 1, stage == 1 ? _lowLeft.High : _lowRight.High, zoom)[stage];
            var (fullScale, zeroOffset) = _boards.Adc(_board);
            return (int)Math.Clamp(Math.Round((v - zeroOffset) / fullScale * 4095), 0, 4095);
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
