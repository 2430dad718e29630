using System;
using AmpController.Core.Platform;

namespace AmpController.Core.Sensing
{
    /// <summary>
    /// The impedance estimator (issue 6): a non-blocking state machine advanced from the 10 ms control tick.
    /// Start reads the zero of every ADC channel with the test source off, then switches the source on (the
    /// hardware ramps it over ≥ 10 ms). Each Poll reads one window of interleaved samples of the source and both
    /// channels, takes outlier-rejecting means (spikes) and the ratio channel/source (ratiometric: the source
    /// level and the ADC reference cancel). A channel whose low-range reading is above 2.5 kΩ moves to the 100 kΩ
    /// range. A channel is settled when two consecutive result windows agree; then the source is switched off. Once the
    /// ramp-down has finished a second zero is read (any residual source level cancels in the ratio), the result is
    /// computed from both agreeing windows and both zeros, and Poll reports done: the caller may then open the sense
    /// relay without a click.
    /// The caller closes the sense relay (IBoardSwitches.SetSenseRelay) with the output relay open before Start and
    /// opens it after Poll returned true or after Stop. Nothing allocates after construction.
    /// </summary>
    public sealed class ImpedanceSensor : IImpedanceSensor
    {
        const int PhaseIdle = 0;
        const int PhaseWaitQuiet = 1;
        const int PhaseMeasuring = 2;
        const int PhaseRampDown = 3;
        const int PhaseDone = 4;

        /// <summary>A source reading above this many counts means the source is too high: abort (hardware/README.md).</summary>
        public const double MaxSourceCounts = 3200.0;

        /// <summary>A channel's zero must match the source channel's zero (same bias network) within this many counts;
        /// more means an external voltage sits on the jack pin.</summary>
        public const double MaxZeroMismatchCounts = 100.0;

        /// <summary>
        /// The zero read after the ramp-down must agree with the one read at Start within this many counts (issue 19),
        /// for the source and both channels, once the source left over from the ramp is allowed for (it is below
        /// <see cref="MaxResidualFraction"/> of the source and reaches each channel in its ratio): the difference of two
        /// clean 32-sample means has a noise of at most 3.5 LSB · √(2/32) ≈ 0.9 counts, so more than this means a
        /// disturbance (a spike burst, a plug moving) and the measurement is Uncertain.
        /// </summary>
        public const double ZeroAgreementCounts = 4.0;

        /// <summary>Source left RampDownMs after switch-off: below 0.2 mV of 80 mV (hardware/README.md), 0.3 % with margin.</summary>
        public const double MaxResidualFraction = 0.003;

        readonly IAdcChannel _source;
        readonly IAdcChannel[] _channels;
        readonly IDigitalOutput _sourceOn;
        readonly IDigitalOutput[] _lowRange;
        readonly int[] _sourceBuf = new int[SenseDesign.SamplesPerWindow];
        readonly int[][] _channelBuf = new int[][] { new int[SenseDesign.SamplesPerWindow], new int[SenseDesign.SamplesPerWindow] };
        readonly SenseTrack[] _tracks = new SenseTrack[] { new SenseTrack(), new SenseTrack() };
        readonly SenseResult _result = new SenseResult();
        readonly double[] _channelMean = new double[2];

        SenseCalibration _calibration;
        int _phase = PhaseIdle;
        long _startMs;
        long _onAtMs;
        long _offAtMs = long.MinValue / 2;
        long _lastNowMs;
        double _sourceZero;
        double _sourceMean;
        bool _windowClean;
        bool _zeroDisturbed;
        bool _settled;
        int _windows;

        public ImpedanceSensor(IAdcChannel source, IAdcChannel left, IAdcChannel right, IDigitalOutput sourceOn,
            IDigitalOutput lowRangeLeft, IDigitalOutput lowRangeRight, SenseCalibration? calibration)
        {
            _source = source;
            _channels = new IAdcChannel[] { left, right };
            _sourceOn = sourceOn;
            _lowRange = new IDigitalOutput[] { lowRangeLeft, lowRangeRight };
            _calibration = SenseCalibration.Validated(calibration);
            _sourceOn.Write(false);
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

        /// <summary>Averaged ratio of the last two agreeing windows (NaN when unsettled); calibration reads this.</summary>
        public double SettledRatio(int channel) { return _tracks[channel].FinalRatio; }

        /// <summary>The last finished measurement's estimate for a channel whatever its class (diagnostics; NaN when
        /// unsettled or beyond the 2 MΩ the high range resolves).</summary>
        public double EstimatedOhm(int channel) { return _tracks[channel].EstimatedOhm; }

        /// <summary>True when the channel was measured in the 100 kΩ range.</summary>
        public bool UsedHighRange(int channel) { return _tracks[channel].HighRange; }

        public void Start(long nowMs)
        {
            if (_phase == PhaseMeasuring) SwitchSourceOff(_lastNowMs);
            _lastNowMs = nowMs;
            _startMs = nowMs;
            _zeroDisturbed = false;
            ClearResult();
            for (int c = 0; c < 2; c++)
            {
                _tracks[c].Reset();
                _lowRange[c].Write(true);
            }
            if (nowMs - _offAtMs < SenseDesign.RampDownMs) _phase = PhaseWaitQuiet;
            else SwitchSourceOn(nowMs);
        }

        public bool Poll(long nowMs)
        {
            _lastNowMs = nowMs;
            switch (_phase)
            {
                case PhaseWaitQuiet:
                    if (nowMs - _offAtMs >= SenseDesign.RampDownMs) SwitchSourceOn(nowMs);
                    return false;
                case PhaseMeasuring:
                    Measure(nowMs);
                    return false;
                case PhaseRampDown:
                    if (nowMs - _offAtMs < SenseDesign.RampDownMs) return false;
                    if (_settled) ReadEndZero();
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
            if (_phase == PhaseMeasuring) SwitchSourceOff(_lastNowMs + SenseDesign.TickMs);
            _sourceOn.Write(false);
            SetIdlePins();
            if (_phase != PhaseDone) _phase = PhaseIdle;
        }

        void SwitchSourceOn(long nowMs)
        {
            ReadWindow();
            _sourceZero = _sourceMean;
            if (!_windowClean) _zeroDisturbed = true; // a zero nobody can trust makes every result Uncertain
            for (int c = 0; c < 2; c++)
            {
                double zero = _channelMean[c];
                _tracks[c].Zero = zero;
                _tracks[c].ExternalVoltage = Math.Abs(zero - _sourceZero) > MaxZeroMismatchCounts;
            }
            _sourceOn.Write(true);
            _onAtMs = nowMs;
            _windows = 0;
            _phase = PhaseMeasuring;
        }

        void SwitchSourceOff(long nowMs)
        {
            _sourceOn.Write(false);
            _offAtMs = nowMs;
        }

        void Measure(long nowMs)
        {
            long elapsed = nowMs - _onAtMs;
            if (elapsed >= SenseDesign.FirstWindowMs)
            {
                _windows++;
                ReadWindow();
                double sourceMean = _sourceMean;
                double sourceCounts = sourceMean - _sourceZero;
                if (_windowClean && sourceCounts > MaxSourceCounts)
                {
                    Finish(nowMs, false);
                    return;
                }
                bool resultWindow = elapsed >= SenseDesign.ResultWindowMs;
                for (int c = 0; c < 2; c++)
                {
                    SenseTrack t = _tracks[c];
                    if (!_windowClean || sourceCounts < SenseDesign.MinSourceCounts)
                    {
                        t.Forget();
                        continue;
                    }
                    double mean = _channelMean[c];
                    double ratio = (mean - t.Zero) / sourceCounts;
                    double ohm = OhmOf(c, ratio);
                    if (!t.HighRange && ohm > SenseDesign.RangeSwitchOhm)
                    {
                        t.HighRange = true;
                        _lowRange[c].Write(false);
                        t.Forget();
                        continue;
                    }
                    if (resultWindow) t.Add(mean, sourceMean, ratio, ClassOf(c, ohm, t.HasPrevious ? t.PreviousClass : LoadClass.Uncertain));
                }
            }
            if (_tracks[0].Stable && _tracks[1].Stable) Finish(nowMs, true);
            else if (_windows >= SenseDesign.MaxWindows) Finish(nowMs, false);
        }

        /// <summary>Reads one interleaved window; sets the three means and whether all three windows were clean.</summary>
        void ReadWindow()
        {
            IAdcChannel left = _channels[0];
            IAdcChannel right = _channels[1];
            int[] l = _channelBuf[0];
            int[] r = _channelBuf[1];
            for (int i = 0; i < SenseDesign.SamplesPerWindow; i++)
            {
                _sourceBuf[i] = _source.ReadRaw();
                l[i] = left.ReadRaw();
                r[i] = right.ReadRaw();
            }
            _windowClean = true;
            _sourceMean = Mean(_sourceBuf);
            _channelMean[0] = Mean(l);
            _channelMean[1] = Mean(r);
        }

        double Mean(int[] samples)
        {
            int inRange, used;
            double spread;
            double mean = SampleStats.CleanMean(samples, SenseDesign.SamplesPerWindow, SenseDesign.AdcMinUsableCode,
                SenseDesign.AdcMaxUsableCode, out inRange, out used, out spread);
            // While the source is on, the ramp's last per cent moves within a window: only zeros are held to the spread.
            if (_phase == PhaseMeasuring) spread = 0;
            if (!SampleStats.IsClean(SenseDesign.SamplesPerWindow, inRange, used, spread)) _windowClean = false;
            return mean;
        }

        double OhmOf(int channel, double ratio)
        {
            double series = _tracks[channel].HighRange ? SenseDesign.HighRangeSeriesOhm : _calibration.SeriesOhm(channel);
            return SenseMath.OhmFromRatio(ratio, _calibration.Gain(channel), series);
        }

        LoadClass ClassOf(int channel, double ohm, LoadClass previous)
        {
            SenseTrack t = _tracks[channel];
            if (t.ExternalVoltage) return LoadClass.Uncertain;
            // The high range cannot resolve headphone loads: a low reading there means the contact changed mid-way.
            if (t.HighRange && ohm < SenseDesign.RangeSwitchOhm / 1.5) return LoadClass.Uncertain;
            return LoadClassifier.ClassifyChannel(ohm, previous);
        }

        void Finish(long nowMs, bool settled)
        {
            SwitchSourceOff(nowMs);
            _settled = settled;
            _phase = PhaseRampDown;
        }

        /// <summary>
        /// Zero readings after the ramp-down: they pass the same checks as the ones from Start and must agree with them
        /// (<see cref="ZeroAgreementCounts"/>), else the measurement is Uncertain (issue 19); agreeing zeros are averaged.
        /// </summary>
        void ReadEndZero()
        {
            ReadWindow();
            double residual = _sourceMean - _sourceZero;
            bool agree = _windowClean && residual >= -ZeroAgreementCounts
                && residual <= MaxResidualFraction * MaxSourceCounts + ZeroAgreementCounts;
            for (int c = 0; c < 2; c++)
            {
                SenseTrack t = _tracks[c];
                double ratio = t.Stable ? (t.FinalMean - t.Zero) / (t.FinalSourceMean - _sourceZero) : 0;
                if (!(Math.Abs(_channelMean[c] - t.Zero - ratio * residual) <= ZeroAgreementCounts)) agree = false;
            }
            if (!agree)
            {
                _zeroDisturbed = true;
                return;
            }
            _sourceZero = (_sourceZero + _sourceMean) / 2.0;
            for (int c = 0; c < 2; c++) _tracks[c].Zero = (_tracks[c].Zero + _channelMean[c]) / 2.0;
        }

        void Conclude()
        {
            for (int c = 0; c < 2; c++)
            {
                SenseTrack t = _tracks[c];
                LoadClass cls = LoadClass.Uncertain;
                double ohm = double.NaN;
                t.FinalRatio = double.NaN;
                double sourceCounts = t.FinalSourceMean - _sourceZero;
                if (_settled && !_zeroDisturbed && t.Stable && sourceCounts >= SenseDesign.MinSourceCounts)
                {
                    t.FinalRatio = (t.FinalMean - t.Zero) / sourceCounts;
                    ohm = OhmOf(c, t.FinalRatio);
                    cls = ClassOf(c, ohm, t.PreviousClass);
                }
                t.EstimatedOhm = ohm > SenseDesign.MaxResolvableOhm ? double.NaN : ohm;
                // The result carries ohms only for headphone channels: a consumer taking the lower channel of a
                // mono plug must not see the shorted ring's 0.3 Ω, nor a value from an uncertain channel (S7).
                if (cls != LoadClass.Headphone) ohm = double.NaN;
                if (c == SenseChannel.Left)
                {
                    _result.LeftOhm = ohm;
                    _result.LeftClass = cls;
                }
                else
                {
                    _result.RightOhm = ohm;
                    _result.RightClass = cls;
                }
            }
            _result.Class = LoadClassifier.Combine(_result.LeftClass, _result.RightClass);
            _result.CalibrationFallback = _calibration.FellBackToDefaults;
        }

        void ClearResult()
        {
            _result.LeftOhm = double.NaN;
            _result.RightOhm = double.NaN;
            _result.LeftClass = LoadClass.Uncertain;
            _result.RightClass = LoadClass.Uncertain;
            _result.Class = LoadClass.Uncertain;
        }

        void SetIdlePins()
        {
            _lowRange[0].Write(false);
            _lowRange[1].Write(false);
        }
    }
}
