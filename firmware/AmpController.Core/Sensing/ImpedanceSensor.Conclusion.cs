using System;

namespace AmpController.Core.Sensing
{
    /// <summary>The end of a measurement: the end zeros, their agreement with the first ones, ohms and classes.</summary>
    public sealed partial class ImpedanceSensor
    {
        /// <summary>
        /// The end zeros pass the same checks as the first ones and must agree with them (issue 19): the source's within
        /// <see cref="SenseDesign.SourceZeroAgreementCounts"/> once up to <see cref="SenseDesign.MaxResidualFraction"/> of it
        /// is left, each channel's within <see cref="SenseDesign.ChannelZeroAgreementCounts"/> once that residual is taken
        /// in the channel's ratio (a zoomed channel's first zero raised by its calibrated zoom shift, with
        /// <see cref="SenseDesign.ZoomZeroShiftCounts"/> of slack). Otherwise every result is Uncertain.
        /// Agreeing zeros are combined with the same weights for every channel and the source (⅓ first, ⅔ end), so the
        /// residual cancels in the ratio.
        /// </summary>
        void Conclude()
        {
            _sourceEndZero = _endZero[0];
            double residual = _sourceEndZero - _sourceStartZero;
            bool agree = _endZeroClean && residual >= -SenseDesign.SourceZeroAgreementCounts
                && residual <= SenseDesign.MaxResidualFraction * SenseDesign.MaxSourceCounts + SenseDesign.SourceZeroAgreementCounts;
            for (int c = 0; c < 2; c++)
            {
                SenseTrack t = _tracks[c];
                t.EndZero = _endZero[c + 1];
                double ratio = t.Stable ? (t.FinalMean - StartZero(c)) / (t.FinalSourceMean - _sourceStartZero) : 0;
                double allowed = SenseDesign.ChannelZeroAgreementCounts + (t.Zoom ? SenseDesign.ZoomZeroShiftCounts : 0);
                if (!(Math.Abs(t.EndZero - StartZero(c) - ratio * residual) <= allowed)) agree = false;
                if (t.Stable)
                {
                    t.EndZeroRatio = (t.FinalMean - t.EndZero) / (t.FinalSourceMean - _sourceEndZero);
                    if (t.Zoom) t.ZoomZeroShift = t.EndZero - t.StartZero - t.EndZeroRatio * residual;
                }
            }
            if (!agree) _zeroDisturbed = true;

            for (int c = 0; c < 2; c++) ConcludeChannel(c);
            _result.Class = LoadClassifier.Combine(_result.LeftClass, _result.RightClass);
            _result.CalibrationFallback = _calibration.FellBackToDefaults;
        }

        void ConcludeChannel(int c)
        {
            SenseTrack t = _tracks[c];
            LoadClass cls = LoadClass.Uncertain;
            double ohm = double.NaN;
            t.FinalRatio = double.NaN;
            double zero = (StartZero(c) + 2.0 * t.EndZero) / 3.0;
            double sourceZero = (_sourceStartZero + 2.0 * _sourceEndZero) / 3.0;
            double sourceCounts = t.FinalSourceMean - sourceZero;
            if (_zeroDisturbed || !_settled)
            {
                t.EndZeroRatio = double.NaN;
                t.ZoomZeroShift = double.NaN;
            }
            if (_settled && !_zeroDisturbed && t.Stable
                && sourceCounts >= SenseDesign.MinSourceCounts && sourceCounts <= SenseDesign.MaxSourceCounts)
            {
                t.FinalRatio = (t.FinalMean - zero) / sourceCounts;
                ohm = OhmOf(c, t.FinalRatio);
                cls = ClassOf(c, ohm);
            }
            t.EstimatedOhm = ohm > SenseDesign.MaxResolvableOhm ? double.NaN : ohm;
            // The result carries ohms only for headphone channels: a consumer taking the lower channel of a mono plug
            // must not see the shorted ring's 0.3 Ω, nor a value from an uncertain channel (S7).
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

        /// <summary>
        /// One tick of end zeros. Each tick is judged alone (the residual source still falls from one tick to the next)
        /// and the zeros are the mean of the ticks; true once all are read.
        /// </summary>
        bool ReadEndZeroTick()
        {
            if (_endTicks == 0) _endZeroClean = true;
            _sampler.Clear();
            _sampler.ReadTick();
            _sampler.Evaluate(true);
            if (!_sampler.AllClean) _endZeroClean = false;
            for (int i = 0; i < 3; i++) _endZero[i] = (_endZero[i] * _endTicks + _sampler.Mean[i]) / (_endTicks + 1);
            _endTicks++;
            return _endTicks >= SenseDesign.TicksPerWindow;
        }

        /// <summary>The channel's zero read at Start (normal gain), raised by its zoom shift when the channel is zoomed.</summary>
        double StartZero(int channel)
        {
            SenseTrack t = _tracks[channel];
            return t.Zoom ? t.StartZero + _calibration.ZoomZero(channel) : t.StartZero;
        }

        double OhmOf(int channel, double ratio)
        {
            SenseTrack t = _tracks[channel];
            double series = t.HighRange ? SenseDesign.HighRangeSeriesOhm : _calibration.SeriesOhm(channel);
            return SenseMath.OhmFromRatio(ratio, _calibration.Gain(channel, t.Zoom), series);
        }

        LoadClass ClassOf(int channel, double ohm)
        {
            SenseTrack t = _tracks[channel];
            if (t.ExternalVoltage) return LoadClass.Uncertain;
            // Each range resolves only its own loads: the high range no headphone, the low range no line input. A reading
            // far outside its range means the contact changed after the decision.
            if (t.HighRange && ohm < SenseDesign.RangeSwitchOhm / 1.5) return LoadClass.Uncertain;
            if (!t.HighRange && ohm > SenseDesign.RangeSwitchOhm * 1.5) return LoadClass.Uncertain;
            return LoadClassifier.ClassifyChannel(ohm, LoadClass.Uncertain);
        }

        void ClearResult()
        {
            _result.LeftOhm = double.NaN;
            _result.RightOhm = double.NaN;
            _result.LeftClass = LoadClass.Uncertain;
            _result.RightClass = LoadClass.Uncertain;
            _result.Class = LoadClass.Uncertain;
        }
    }
}
