using System;
using AmpController.Core.Devices;
using AmpController.Core.Sensing;
using AmpController.Core.SerialConsole;

namespace AmpController.Core.Service
{
    /// <summary>
    /// The factory calibration as a console procedure (`calibrate`, hardware/README.md "Calibration"): with the controller
    /// parked, the operator plugs the 10, 100 and 470 Ω calibration plugs (0.1 %, both channels) in turn and types 'ok';
    /// each is measured <see cref="Readings"/> times through the sense relay with the output relay open. A reading that
    /// did not settle, left the ADC's trusted window (the estimator then has no settled ratio), used the high range or
    /// the wrong gain, or reads more than 5 % off the plug's value is refused with the reason. The constants are solved
    /// (SenseCalibrationRun), checked for plausibility, stored in two CRC copies, read back and put in use; the reply gives
    /// them and the residual error of every reading through them. Nothing is stored unless all of that succeeds.
    /// </summary>
    public sealed class CalibrationProcedure : IConsoleProcedure
    {
        /// <summary>Readings per plug (hardware/README.md: eight each).</summary>
        public const int Readings = 8;

        /// <summary>Attempts per plug before the step is given back to the operator.</summary>
        public const int MaxTries = 2 * Readings;

        /// <summary>An uncalibrated board reads within 3 % (hardware/README.md); beyond 5 % it is the wrong plug.</summary>
        public const double WrongPlugFraction = 0.05;

        private static readonly double[] PlugOhms = { SenseCalibrationRun.ZoomOhm, SenseCalibrationRun.LowOhm, SenseCalibrationRun.HighOhm };

        private const int Parking = 0, Asking = 1, Measuring = 2, Unplugging = 3, Finished = 4;

        private readonly ServicePorts _ports;
        private readonly IServiceGate _gate;
        private readonly SenseStep _sense;
        private readonly SenseCalibrationRun _run = new SenseCalibrationRun();
        private readonly double[] _ratios = new double[3 * Readings * 2];
        private int _phase = Parking;
        private bool _introShown;
        private int _step;
        private int _accepted;
        private int _tries;
        private bool _measuring;
        private string _lastRefusal = "";

        public CalibrationProcedure(ServicePorts ports, IServiceGate gate)
        {
            _ports = ports;
            _gate = gate;
            _sense = new SenseStep(ports);
        }

        public string Name { get { return "calibrate"; } }
        public bool WaitsForOperator { get { return _phase == Asking || _phase == Unplugging; } }
        public bool Done { get { return _phase == Finished; } }

        /// <summary>True once new constants were stored and put in use.</summary>
        public bool Stored { get; private set; }

        public string Step()
        {
            if (_phase == Parking)
            {
                if (!_introShown)
                {
                    _introShown = true;
                    return "calibrate: the amplifier is parked (output relay open, attenuator muted) until this ends; "
                        + "'cancel' stops it and keeps the constants in use";
                }
                if (!_gate.Parked) return "";
                _ports.OutputRelay.Write(false);
                return Ask(0);
            }
            if (_phase == Measuring) return Measure();
            return "";
        }

        public string Answer(bool ok)
        {
            if (_phase == Unplugging)
            {
                if (ok && _ports.JackSwitch.Read()) return "the jack is not empty yet: unplug the calibration plug, then ok";
                return Finish(Stored ? "calibrate: done; the amplifier starts again from its safe state"
                    : "calibrate: ended without new constants; the amplifier starts again from its safe state");
            }
            if (!ok) return Finish("calibrate: cancelled; nothing stored, the constants in use are unchanged");
            if (!_ports.JackSwitch.Read()) return "the jack is empty: plug the " + OhmText(_step) + " calibration plug, then ok";
            _phase = Measuring;
            _accepted = 0;
            _tries = 0;
            _run.ClearStep(_step);
            _lastRefusal = "";
            return "measuring the " + OhmText(_step) + " plug (" + Readings.ToString() + " readings)...";
        }

        private string Ask(int step)
        {
            _step = step;
            _phase = Asking;
            string text = "step " + (step + 1).ToString() + " of 3: plug the " + OhmText(step)
                + " calibration plug (0.1 %, both channels), then type ok";
            return step == 0 ? text : "unplug it; " + text;
        }

        private string Measure()
        {
            if (!_ports.JackSwitch.Read())
            {
                _sense.Abort();
                _measuring = false;
                _run.ClearStep(_step);
                _phase = Asking;
                return "the plug came out during the measurement; plug the " + OhmText(_step) + " plug back in, then ok";
            }
            if (!_measuring)
            {
                DeviceStatus st = _ports.Expander.SetSenseRelay(true);
                if (st != DeviceStatus.Ok) return Finish("calibrate: FAILED, the expander did not close the sense relay (" + ServiceText.Status(st)
                    + "); nothing stored");
                _sense.Begin();
                _measuring = true;
                return "";
            }
            if (!_sense.Poll()) return "";
            _measuring = false;
            _tries++;
            string refusal = Refusal();
            if (refusal.Length == 0)
            {
                for (int c = 0; c < 2; c++)
                    _ratios[Index(_step, _accepted, c)] = SenseCalibrationRun.Ratio(_ports.Sensor, c, _step == SenseCalibrationRun.StepZoom);
                _run.Add(_ports.Sensor, _step);
                _accepted++;
            }
            else _lastRefusal = refusal;
            if (_accepted == Readings)
            {
                string done = OhmText(_step) + ": " + Readings.ToString() + " readings accepted"
                    + (_tries > Readings ? " (" + (_tries - Readings).ToString() + " refused, last: " + _lastRefusal + ")" : "");
                return _step < 2 ? done + "\n" + Ask(_step + 1) : done + "\n" + Solve();
            }
            if (_tries < MaxTries) return "";
            _phase = Asking;
            _run.ClearStep(_step);
            return OhmText(_step) + ": only " + _accepted.ToString() + " of " + _tries.ToString() + " readings accepted; last refused: "
                + _lastRefusal + ". Check the plug and type ok to measure it again, or cancel";
        }

        /// <summary>Why the finished reading cannot be used, or "".</summary>
        private string Refusal()
        {
            if (_sense.TimedOut) return "the measurement did not finish";
            ImpedanceSensor sensor = _ports.Sensor;
            bool zoom = _step == SenseCalibrationRun.StepZoom;
            for (int c = 0; c < 2; c++)
            {
                string channel = c == SenseChannel.Left ? "left" : "right";
                if (sensor.UsedHighRange(c)) return channel + " reads above 2.5 kohm (is the plug in?)";
                if (!(SenseCalibrationRun.Ratio(sensor, c, zoom) > 0))
                    return channel + " did not settle or left the ADC's trusted window";
                if (sensor.UsedZoom(c) != zoom)
                    return channel + " read with the " + (zoom ? "normal" : "zoomed") + " gain: the 10 ohm plug reads zoomed, the others not (wrong plug?)";
                double ohm = sensor.EstimatedOhm(c);
                double nominal = PlugOhms[_step];
                if (!(Math.Abs(ohm / nominal - 1.0) <= WrongPlugFraction))
                    return channel + " reads " + Ohms(ohm) + " ohm, not " + OhmText(_step) + " within 5 % (wrong plug?)";
                if (zoom && double.IsNaN(sensor.ZoomZeroShift(c))) return channel + "'s zoomed zero could not be measured";
            }
            return "";
        }

        /// <summary>Solves, checks, stores in two copies, reads back and puts the constants in use.</summary>
        private string Solve()
        {
            SenseCalibration? candidate = _run.Candidate();
            if (candidate == null)
                return Unplug("calibrate: FAILED, the readings cannot come from the sense circuit (plugs in the wrong order?); nothing stored");
            if (!candidate.IsPlausible)
                return Unplug("calibrate: FAILED, implausible constants (" + CalibrationText.Constants(candidate)
                    + "; allowed: " + CalibrationText.Limits() + "); nothing stored");
            if (!_ports.CalibrationStore.Save(candidate))
                return Unplug("calibrate: FAILED, writing the flash failed; the constants in use are unchanged");
            SenseCalibration stored = _ports.CalibrationStore.Load();
            if (stored.FellBackToDefaults || !CalibrationText.Same(stored, candidate))
                return Unplug("calibrate: FAILED, the stored constants do not read back; run calibrate again");
            _ports.Sensor.Calibration = stored;
            Stored = true;
            return Unplug("calibrate: PASS, stored in two copies with CRC-32 (" + SenseCalibrationStore.NameA + ", "
                + SenseCalibrationStore.NameB + ") and in use\n" + CalibrationText.Constants(stored) + "\n"
                + CalibrationText.Residuals(stored, _ratios, Readings, PlugOhms));
        }

        private string Unplug(string text)
        {
            _phase = Unplugging;
            _ports.Expander.SetSenseRelay(false);
            return text + "\nunplug the calibration plug, then ok";
        }

        private string Finish(string text)
        {
            _sense.Abort();
            _ports.OutputRelay.Write(false);
            _ports.Expander.SetSenseRelay(false);
            _gate.Release();
            _phase = Finished;
            return text;
        }

        private static int Index(int step, int reading, int channel)
        {
            return (step * Readings + reading) * 2 + channel;
        }

        private static string OhmText(int step)
        {
            return PlugOhms[step].ToString("F0") + " ohm";
        }

        private static string Ohms(double ohm)
        {
            return double.IsNaN(ohm) ? "no value" : double.IsPositiveInfinity(ohm) ? "open" : ohm.ToString("F2");
        }
    }
}
