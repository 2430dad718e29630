using AmpController.Core.Control;
using AmpController.Core.Devices;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;
using AmpController.Core.SerialConsole;

namespace AmpController.Core.Service
{
    /// <summary>
    /// `selftest` (issue 15 item 2), run with the controller parked (IServiceGate) and the jack empty: I2C scan (which
    /// addresses answer, which should), the volume chip initialised and read back, every expander pin driven and read
    /// back through the input register, the ADC's zero readings inside the trusted window, the calibration constants,
    /// the sense relay toggled and the output relay's pin driven (K1 held open by the jack interlock) with the sense circuit confirming it, free heap and tick time.
    /// The attenuator stays muted throughout, so the output relay closes onto silence (S3). Prints a row per check as it
    /// goes under the table's header, then the overall verdict; then the safe state: both relays open, expander at its reset outputs, chip muted,
    /// and the controller restarts from its safe start (S1).
    /// </summary>
    public sealed class SelfTestProcedure : IConsoleProcedure
    {
        /// <summary>Readings of each ADC input for the zero check.</summary>
        public const int ZeroReadings = 8;

        /// <summary>Free heap below this fails: a quarter of the 80–100 KB an ESP32 without PSRAM has (docs/design.md §3a).</summary>
        public const long MinFreeHeapBytes = 20000;

        /// <summary>7-bit addresses a scan probes (0x00–0x07 and 0x78–0x7F are reserved, UM10204 §3.1.12).</summary>
        public const int FirstScanAddress = 0x08, LastScanAddress = 0x77;

        private const int Parking = 0, Scan = 1, Volume = 2, Expander = 3, Adc = 4, Calibration = 5, SenseOff = 6,
            SenseOn = 7, OutputOn = 8, Heap = 9, Tick = 10, Finished = 11;

        private readonly ServicePorts _ports;
        private readonly IServiceGate _gate;
        private readonly SenseStep _sense;
        private readonly SelfTestTable _table = new SelfTestTable();
        private readonly byte[] _one = new byte[1];
        private int _phase = Parking;
        private bool _measuring;
        private bool _expanderOk;
        private bool _jackEmpty;
        private string _senseOffSeen = "";
        private bool _senseOffQuiet;
        private bool _senseOnOpen;

        public SelfTestProcedure(ServicePorts ports, IServiceGate gate)
        {
            _ports = ports;
            _gate = gate;
            _sense = new SenseStep(ports);
        }

        public string Name { get { return "selftest"; } }
        public bool WaitsForOperator { get { return false; } }
        public bool Done { get { return _phase == Finished; } }
        public SelfTestTable Table { get { return _table; } }
        public string Answer(bool ok) { return Finish("selftest: cancelled"); }

        public string Step()
        {
            switch (_phase)
            {
                case Parking:
                    if (!_gate.Parked) return "";
                    _phase = Scan;
                    return "selftest: amplifier parked (output relay open, attenuator muted); the jack must be empty\n"
                        + SelfTestTable.Header();
                case Scan: _phase = Volume; return ScanBus();
                case Volume: _phase = Expander; return CheckVolumeChip();
                case Expander: _phase = Adc; return CheckExpanderPins();
                case Adc: _phase = Calibration; return CheckAdcZeros();
                case Calibration: _phase = SenseOff; return CheckCalibration();
                case SenseOff: return MeasureSenseOff();
                case SenseOn: return MeasureSenseOn();
                case OutputOn: return MeasureOutputOn();
                case Heap: _phase = Tick; return CheckHeap();
                case Tick:
                    string row = CheckTiming();
                    return row + "\n" + Finish(_table.Summary());
                default: return "";
            }
        }

        private string ScanBus()
        {
            string answering = "", missing = "";
            bool volumeSeen = false, expanderSeen = false;
            for (int address = FirstScanAddress; address <= LastScanAddress; address++)
            {
                BusResult r = _ports.Bus.Read(address, _one, 1);
                if (!r.Ok) continue;
                answering += " " + ServiceText.Hex(address);
                if (address == _ports.VolumeAddress) volumeSeen = true;
                else if (address == _ports.ExpanderAddress) expanderSeen = true;
                else answering += "(unexpected)";
            }
            // A write-only PT2258 need not answer a read: the volume row checks it with writes.
            if (!expanderSeen) missing += " " + ServiceText.Hex(_ports.ExpanderAddress) + " (expander TCA9534)";
            if (!volumeSeen && !_ports.VolumeWriteOnly) missing += " " + ServiceText.Hex(_ports.VolumeAddress) + " (" + _ports.Volume.Name + ")";
            string expected = "expected " + ServiceText.Hex(_ports.ExpanderAddress) + " " + ServiceText.Hex(_ports.VolumeAddress)
                + (_ports.VolumeWriteOnly ? " (write-only, checked below)" : "");
            string seen = "; answering" + (answering.Length == 0 ? " none" : answering);
            if (missing.Length > 0) return _table.Add("i2c scan", SelfTestTable.Fail, "missing" + missing + "; " + expected + seen);
            return _table.Add("i2c scan", SelfTestTable.Pass, expected + seen);
        }

        private string CheckVolumeChip()
        {
            string name = _ports.Volume.Name + " " + ServiceText.Hex(_ports.VolumeAddress);
            DeviceStatus st = _ports.Volume.Initialize();
            if (st == DeviceStatus.Ok) st = _ports.Volume.Verify();
            DeviceStatus muted = _ports.Volume.Mute();
            if (st != DeviceStatus.Ok) return _table.Add("volume chip", SelfTestTable.Fail, name + ": " + ServiceText.Status(st));
            if (muted != DeviceStatus.Ok) return _table.Add("volume chip", SelfTestTable.Fail, name + ": mute " + ServiceText.Status(muted));
            return _table.Add("volume chip", SelfTestTable.Pass, name + (_ports.VolumeWriteOnly
                ? ": every write acknowledged (write-only chip: no readback exists), muted"
                : ": initialised and read back, muted"));
        }

        private string CheckExpanderPins()
        {
            string name = "TCA9534 " + ServiceText.Hex(_ports.ExpanderAddress);
            DeviceStatus st = _ports.Expander.Initialize();
            if (st != DeviceStatus.Ok) return _table.Add("expander pins", SelfTestTable.Fail, name + ": " + ServiceText.Status(st));
            for (int pin = -1; pin < 8; pin++)
            {
                int driven = pin < 0 ? 0 : 1 << pin;
                int levels;
                st = _ports.Expander.SetOutputs(driven);
                if (st == DeviceStatus.Ok) st = _ports.Expander.ReadInputs(out levels);
                else levels = 0;
                if (st != DeviceStatus.Ok)
                {
                    _ports.Expander.Initialize();
                    return _table.Add("expander pins", SelfTestTable.Fail, name + ": " + ServiceText.Status(st));
                }
                if (levels != driven)
                {
                    _ports.Expander.Initialize();
                    return _table.Add("expander pins", SelfTestTable.Fail, name + ": drove " + ServiceText.Hex(driven) + ", pins read "
                        + ServiceText.Hex(levels) + " (P0 K3, P1 K4, P2 K2 sense, P3 K5, P4-P7 LEDs)");
                }
            }
            st = _ports.Expander.Initialize();
            if (st != DeviceStatus.Ok) return _table.Add("expander pins", SelfTestTable.Fail, name + ": " + ServiceText.Status(st));
            _expanderOk = true;
            return _table.Add("expander pins", SelfTestTable.Pass, name + ": each of P0-P7 driven alone and read back; all low again");
        }

        private string CheckAdcZeros()
        {
            SensePorts sense = _ports.Sense;
            sense.SourceOn.Write(false);
            string detail = "";
            bool ok = true;
            for (int stage = 0; stage < 3; stage++)
            {
                IAdcChannel channel = stage == 0 ? sense.Source : stage == 1 ? sense.Left : sense.Right;
                int low = int.MaxValue, high = int.MinValue;
                long sum = 0;
                for (int i = 0; i < ZeroReadings; i++)
                {
                    int code = channel.ReadRaw();
                    sum += code;
                    if (code < low) low = code;
                    if (code > high) high = code;
                }
                if (low < SenseDesign.AdcMinUsableCode || high > SenseDesign.AdcMaxUsableCode) ok = false;
                detail += (stage == 0 ? "source " : stage == 1 ? ", left " : ", right ") + (sum / ZeroReadings).ToString()
                    + " (" + low.ToString() + ".." + high.ToString() + ")";
            }
            return _table.Add("adc zeros", ok ? SelfTestTable.Pass : SelfTestTable.Fail, detail + " codes; trusted "
                + SenseDesign.AdcMinUsableCode.ToString() + ".." + SenseDesign.AdcMaxUsableCode.ToString());
        }

        private string CheckCalibration()
        {
            SenseCalibration c = _ports.Sensor.Calibration;
            if (c.FellBackToDefaults)
                return _table.Add("calibration", SelfTestTable.Fail, "none stored or both copies damaged: design values in use; run calibrate");
            if (!c.IsPlausible)
                return _table.Add("calibration", SelfTestTable.Fail, CalibrationText.Constants(c) + " outside " + CalibrationText.Limits());
            return _table.Add("calibration", SelfTestTable.Pass, CalibrationText.Constants(c));
        }

        /// <summary>Sense relay open: no test signal may reach the channel inputs (they read a short).</summary>
        private string MeasureSenseOff()
        {
            if (!_measuring)
            {
                _jackEmpty = !_ports.JackSwitch.Read();
                if (!_jackEmpty || !_expanderOk)
                {
                    string why = !_jackEmpty ? "a plug is in the jack: unplug it and run selftest again"
                        : "expander " + ServiceText.Hex(_ports.ExpanderAddress) + " not working: relays cannot be switched";
                    string first = _table.Add("sense relay", SelfTestTable.Fail, why);
                    _phase = Heap;
                    return first + "\n" + _table.Add("output relay", SelfTestTable.Fail, why);
                }
                return Begin(false, false);
            }
            if (!_sense.Poll()) return "";
            _measuring = false;
            _senseOffSeen = Seen();
            _senseOffQuiet = !_sense.TimedOut && !IsOpen(SenseChannel.Left) && !IsOpen(SenseChannel.Right);
            _phase = SenseOn;
            return "";
        }

        /// <summary>Sense relay closed, output relay open: the empty jack reads open on both channels.</summary>
        private string MeasureSenseOn()
        {
            if (!_measuring) return Begin(true, false);
            if (!_sense.Poll()) return "";
            _measuring = false;
            _senseOnOpen = !_sense.TimedOut && IsOpen(SenseChannel.Left) && IsOpen(SenseChannel.Right);
            _phase = OutputOn;
            bool pass = _senseOffQuiet && _senseOnOpen;
            return _table.Add("sense relay", pass ? SelfTestTable.Pass : SelfTestTable.Fail,
                "open: " + _senseOffSeen + " (expected no signal); closed: " + Seen() + " (expected open, jack empty)");
        }

        /// <summary>OutputRelay driven with the jack empty (attenuator muted): the jack interlock must hold K1 open, the source
        /// still reading open on both channels (S2; hardware/README.md). A reading cut off: K1 closed with no plug.</summary>
        private string MeasureOutputOn()
        {
            if (!_measuring) return Begin(true, true);
            if (!_sense.Poll()) return "";
            _measuring = false;
            _ports.OutputRelay.Write(false);
            _ports.Expander.SetSenseRelay(false);
            _phase = Heap;
            bool held = !_sense.TimedOut && IsOpen(SenseChannel.Left) && IsOpen(SenseChannel.Right);
            bool pass = held && _senseOnOpen;
            return _table.Add("output relay", pass ? SelfTestTable.Pass : SelfTestTable.Fail,
                "driven with the jack empty: " + Seen() + " (expected open: the jack interlock holds K1, S2)"
                + (_senseOnOpen ? "" : "; not confirmed, the sense relay check failed"));
        }

        private string Begin(bool senseRelay, bool outputRelay)
        {
            DeviceStatus st = _ports.Expander.SetSenseRelay(senseRelay);
            _ports.OutputRelay.Write(outputRelay);
            if (st != DeviceStatus.Ok)
            {
                _ports.OutputRelay.Write(false);
                _phase = Heap;
                return _table.Add(senseRelay ? "output relay" : "sense relay", SelfTestTable.Fail,
                    "expander " + ServiceText.Hex(_ports.ExpanderAddress) + ": " + ServiceText.Status(st));
            }
            _sense.Begin();
            _measuring = true;
            return "";
        }

        private string CheckHeap()
        {
            IHeapProbe? heap = _ports.Heap;
            if (heap == null) return _table.Add("free heap", SelfTestTable.Info, "no heap probe on this platform");
            long free = heap.FreeBytes();
            if (!heap.IsDevice) return _table.Add("free heap", SelfTestTable.Info, heap.Source);
            return _table.Add("free heap", free >= MinFreeHeapBytes ? SelfTestTable.Pass : SelfTestTable.Fail,
                free.ToString() + " bytes free after " + heap.Source + " (needs >= " + MinFreeHeapBytes.ToString() + ")");
        }

        private string CheckTiming()
        {
            LoopTiming? t = _ports.Timing;
            if (t == null || t.Periods == 0)
                return _table.Add("tick time", SelfTestTable.Info, _ports.TimingNote);
            string detail = t.Periods.ToString() + " periods: mean " + t.MeanMs.ToString("F2") + " ms, max "
                + t.MaxMs.ToString() + " ms, " + t.Overruns.ToString() + " over the " + ControllerTiming.TickMs.ToString() + " ms period";
            return _table.Add("tick time", t.Overruns == 0 ? SelfTestTable.Pass : SelfTestTable.Fail, detail);
        }

        private string Finish(string text)
        {
            _sense.Abort();
            _ports.OutputRelay.Write(false);
            _ports.Expander.Initialize();
            _ports.Volume.Mute();
            _gate.Release();
            _phase = Finished;
            return text + "\nsafe state: output relay open, sense relay open, attenuator muted; the amplifier starts again";
        }

        private bool IsOpen(int channel)
        {
            SenseResult r = _ports.Sensor.Result;
            return (channel == SenseChannel.Left ? r.LeftClass : r.RightClass) == LoadClass.Open;
        }

        private string Seen()
        {
            if (_sense.TimedOut) return "no result (timed out)";
            SenseResult r = _ports.Sensor.Result;
            return "left " + ServiceText.LoadClassName(r.LeftClass) + ", right " + ServiceText.LoadClassName(r.RightClass);
        }
    }
}
