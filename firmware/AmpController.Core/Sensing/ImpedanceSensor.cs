using System;

namespace AmpController.Core.Sensing
{
    /// <summary>
    /// The impedance estimator (issues 6, 12, 19): a non-blocking state machine advanced from the 10 ms control tick that
    /// never reads the ADC more than 16 times in one tick (hardware/README.md, "Estimator and timing").
    /// Start reads the zeros (source off) and switches the test source on; the hardware ramps it over ≥ 10 ms. 10 ms
    /// later one window decides each channel's range (above 2.5 kΩ: the 100 kΩ range) and gain (below a ratio of 0.19:
    /// zoomed ×5). From 20 ms on, result windows of two ticks give the ratio channel/source of each channel (ratiometric:
    /// the source level and the ADC's gain cancel); a channel is settled when two consecutive windows agree (the class
    /// is decided once, from the final estimate, so a window's estimate near a threshold cannot hold it up). Then the
    /// source goes off, and from 20 ms after that the end zeros are read; they must agree with the first ones, allowing
    /// for the source left over (it reaches each channel in its ratio and cancels), or the result is Uncertain.
    /// Every window is checked: codes outside the ADC's linear window are never averaged (SenseSampler, SampleStats).
    /// The caller closes the sense relay (IBoardSwitches.SetSenseRelay) with the output relay open before Start and
    /// opens it after Poll returned true or after Stop. Nothing allocates after construction.
    /// </summary>
    public sealed partial class ImpedanceSensor : IImpedanceSensor
    {
        const int PhaseIdle = 0;
        const int PhaseWaitQuiet = 1;
        const int PhaseDecide = 2;
        const int PhaseMeasuring = 3;
        const int PhaseRampDown = 4;
        const int PhaseDone = 5;

        /// <summary>At the decision (10 ms) the ramp has reached at least 78 % (ramp parts at their tolerances).</summary>
        const double DecisionRampFraction = 0.6;

        readonly SensePorts _ports;
        readonly SenseSampler _sampler;
        readonly SenseTrack[] _tracks = new SenseTrack[] { new SenseTrack(), new SenseTrack() };
        readonly SenseResult _result = new SenseResult();

        SenseCalibration _calibration;
        int _phase = PhaseIdle;
        long _startMs;
        long _onAtMs;
        long _offAtMs = long.MinValue / 2;
        long _lastNowMs;
        double _sourceStartZero;
        double _sourceEndZero;
        readonly double[] _endZero = new double[3];
        int _endTicks;
        bool _endZeroClean;
        bool _zeroDisturbed;
        bool _settled;
        int _windows;
        int _decisionTries;

        public ImpedanceSensor(SensePorts ports, SenseCalibration? calibration)
        {
            _ports = ports;
            _sampler = new SenseSampler(ports.Source, ports.Left, ports.Right);
            _calibration = SenseCalibration.Validated(calibration);
            _ports.SourceOn.Write(false);
            SetIdlePins();
        }

        /// <summary>The constants in use; a missing or implausible set is replaced by defaults (FellBackToDefaults).</summary>
        public SenseCalibration Calibration
        {
            get { return _calibration; }
            set { _calibration = SenseCalibration.Validated(value); }
        }

        /// <summary>The same instance is reused by every measurement; copy what must outlive the next Start.</summary>
        public SenseResult Result { get { return _result; } }

        /// <summary>Device time from Start to the Poll that reported done, for the last finished measurement.</summary>
        public long LastDurationMs { get; private set; }

        /// <summary>Ratio of the last finished measurement (NaN when unsettled or disturbed); calibration reads this.</summary>
        public double SettledRatio(int channel) { return _tracks[channel].FinalRatio; }

        /// <summary>The same ratio from the end zeros alone (read in the channel's final gain): it needs no zoom-zero
        /// constant, so the factory calibration reads it for the zoomed resistor (NaN when unsettled or disturbed).</summary>
        public double EndZeroRatio(int channel) { return _tracks[channel].EndZeroRatio; }

        /// <summary>For a zoomed channel of the last finished measurement: counts by which its zero rose when zoomed,
        /// the residual source taken out (NaN otherwise); the factory calibration averages it.</summary>
        public double ZoomZeroShift(int channel) { return _tracks[channel].ZoomZeroShift; }

        /// <summary>The last finished measurement's estimate for a channel whatever its class (diagnostics; NaN when
        /// unsettled or beyond the 2 MΩ the high range resolves).</summary>
        public double EstimatedOhm(int channel) { return _tracks[channel].EstimatedOhm; }

        /// <summary>True when the channel was measured in the 100 kΩ range.</summary>
        public bool UsedHighRange(int channel) { return _tracks[channel].HighRange; }

        /// <summary>True when the channel was measured with the zoomed gain.</summary>
        public bool UsedZoom(int channel) { return _tracks[channel].Zoom; }

        public void Start(long nowMs)
        {
            if (_phase == PhaseDecide || _phase == PhaseMeasuring) SwitchSourceOff(_lastNowMs);
            _lastNowMs = nowMs;
            _startMs = nowMs;
            _zeroDisturbed = false;
            _settled = false;
            ClearResult();
            for (int c = 0; c < 2; c++)
            {
                _tracks[c].Reset();
                _ports.LowRange[c].Write(true);
                _ports.Zoom[c].Write(false);
            }
            if (nowMs - _offAtMs < SenseDesign.QuietMs) _phase = PhaseWaitQuiet;
            else ReadStartZero(nowMs);
        }

        public bool Poll(long nowMs)
        {
            _lastNowMs = nowMs;
            switch (_phase)
            {
                case PhaseWaitQuiet:
                    if (nowMs - _offAtMs >= SenseDesign.QuietMs) ReadStartZero(nowMs);
                    return false;
                case PhaseDecide:
                    if (nowMs - _onAtMs >= SenseDesign.DecisionMs) Decide(nowMs);
                    return false;
                case PhaseMeasuring:
                    if (nowMs - _onAtMs >= SenseDesign.ResultWindowMs) Measure(nowMs);
                    return false;
                case PhaseRampDown:
                    if (nowMs - _offAtMs < SenseDesign.EndZeroMs || !ReadEndZeroTick()) return false;
                    Conclude();
                    SetIdlePins();
                    LastDurationMs = nowMs - _startMs;
                    _phase = PhaseDone;
                    return true;
                case PhaseDone:
                    return true;
                default:
                    return false;
            }
        }

        public void Stop()
        {
            if (_phase == PhaseDecide || _phase == PhaseMeasuring) SwitchSourceOff(_lastNowMs + SenseDesign.TickMs);
            _ports.SourceOn.Write(false);
            SetIdlePins();
            if (_phase != PhaseDone) _phase = PhaseIdle;
        }

        /// <summary>Zeros of the source and both channels (normal gain, low range, source off), then the source goes on.</summary>
        void ReadStartZero(long nowMs)
        {
            _sampler.Clear();
            _sampler.ReadTick();
            _sampler.Evaluate(true);
            if (!_sampler.AllClean) _zeroDisturbed = true; // a zero nobody can trust makes every result Uncertain
            _sourceStartZero = _sampler.Mean[0];
            for (int c = 0; c < 2; c++)
            {
                SenseTrack t = _tracks[c];
                t.StartZero = _sampler.Mean[c + 1];
                t.ExternalVoltage = Math.Abs(t.StartZero - _sourceStartZero) > SenseDesign.MaxZeroMismatchCounts;
            }
            _ports.SourceOn.Write(true);
            _onAtMs = nowMs;
            _windows = 0;
            _decisionTries = 0;
            _sampler.Clear();
            _phase = PhaseDecide;
        }

        /// <summary>One window on the rising ramp chooses each channel's range and gain; a disturbed one is read again.</summary>
        void Decide(long nowMs)
        {
            _sampler.Clear();
            _sampler.ReadTick();
            _sampler.Evaluate(false);
            double source = _sampler.Mean[0] - _sourceStartZero;
            if (_sampler.Clean[0] && source > SenseDesign.MaxSourceCounts)
            {
                Finish(nowMs, false); // the source is too strong: stop at once
                return;
            }
            if (!_sampler.AllClean || !(source >= DecisionRampFraction * SenseDesign.MinSourceCounts))
            {
                if (++_decisionTries >= SenseDesign.MaxDecisionTries) Finish(nowMs, false);
                return;
            }
            for (int c = 0; c < 2; c++)
            {
                SenseTrack t = _tracks[c];
                double ratio = (_sampler.Mean[c + 1] - t.StartZero) / source;
                if (OhmOf(c, ratio) > SenseDesign.RangeSwitchOhm)
                {
                    t.HighRange = true;
                    _ports.LowRange[c].Write(false);
                }
                else if (ratio <= SenseDesign.ZoomMaxRatio)
                {
                    t.Zoom = true;
                    _ports.Zoom[c].Write(true);
                }
            }
            _sampler.Clear();
            _phase = PhaseMeasuring;
        }

        /// <summary>Result windows of two ticks each until both channels have two agreeing windows in a row.</summary>
        void Measure(long nowMs)
        {
            _sampler.ReadTick();
            if (_sampler.Ticks < SenseDesign.TicksPerWindow) return;
            _windows++;
            _sampler.Evaluate(false);
            double sourceMean = _sampler.Mean[0];
            double source = sourceMean - _sourceStartZero;
            if (_sampler.Clean[0] && source > SenseDesign.MaxSourceCounts)
            {
                Finish(nowMs, false);
                return;
            }
            bool sourceOk = _sampler.Clean[0] && source >= SenseDesign.MinSourceCounts;
            for (int c = 0; c < 2; c++)
            {
                SenseTrack t = _tracks[c];
                if (!sourceOk || !_sampler.Clean[c + 1])
                {
                    t.Forget();
                    continue;
                }
                double mean = _sampler.Mean[c + 1];
                t.Add(mean, sourceMean, (mean - StartZero(c)) / source, SenseDesign.SettleCounts / source);
            }
            _sampler.Clear();
            if (_tracks[0].Stable && _tracks[1].Stable) Finish(nowMs, true);
            else if (_windows >= SenseDesign.MaxWindows) Finish(nowMs, false);
        }

        void Finish(long nowMs, bool settled)
        {
            SwitchSourceOff(nowMs);
            _settled = settled;
            _endTicks = 0;
            _phase = PhaseRampDown;
        }

        void SwitchSourceOff(long nowMs)
        {
            _ports.SourceOn.Write(false);
            _offAtMs = nowMs;
        }

        void SetIdlePins()
        {
            for (int c = 0; c < 2; c++)
            {
                _ports.LowRange[c].Write(false);
                _ports.Zoom[c].Write(false);
            }
        }
    }
}
