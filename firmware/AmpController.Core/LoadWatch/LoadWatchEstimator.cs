using System;

namespace AmpController.Core.LoadWatch
{
    /// <summary>
    /// One channel's load estimate from its two pin voltages (pure; no allocation). Everything is in decades: the pins
    /// are logarithmic, so |Z| and the output level come out of a subtraction. The baseline is learned from the first
    /// valid estimates (checked against the insertion's DC reading) and then follows slow drifts only; a step down of
    /// more than 30 % is a swap to a lower-impedance load, a step up of more than 30 % a higher one or an open output.
    /// A swap during silence is seen when the music returns: nothing is estimated without programme.
    /// </summary>
    public sealed class LoadWatchEstimator
    {
        private static readonly double ZeroOhmLog = Math.Log10(LoadWatchDesign.ZeroOhm);
        private static readonly double LevelZeroLog = Math.Log10(LoadWatchDesign.LevelZeroPeakVolts);
        private static readonly double MinPeakVoltsLog = Math.Log10(LoadWatchDesign.MinPeakVolts);
        private static readonly double MinPeakAmpsLog = Math.Log10(LoadWatchDesign.MinPeakAmps);
        private static readonly double LowerLog = Math.Log10(LoadWatchDesign.LowerRatio);
        private static readonly double HigherLog = Math.Log10(LoadWatchDesign.HigherRatio);
        private static readonly double ConfirmedLowerLog = Math.Log10(LoadWatchDesign.ConfirmedLowerRatio);
        private static readonly double ConfirmedHigherLog = Math.Log10(LoadWatchDesign.ConfirmedHigherRatio);
        private static readonly double WindowLog = Math.Log10(LoadWatchDesign.InsertionWindow);
        // The higher rule needs enough output that the baseline load would still draw a measurable current twice over;
        // the open rule only that it would draw a measurable current, and sees a quarter of it or less.
        private static readonly double HigherNeedsLog = MinPeakAmpsLog + Math.Log10(2.0);
        private static readonly double OpenLog = Math.Log10(LoadWatchDesign.OpenRatio);

        private bool _watching;
        private bool _tight;
        private double _dcLog;
        private int _learned;
        private double _minLog;
        private double _maxLog;
        private double _trackLog;
        private int _lowCount;
        private int _highCount;
        private int _farCount;
        private double _zLog;
        private double _vLog;

        /// <summary>Starts watching a load measured at <paramref name="dcOhm"/> (NaN or ≤ 0: not watched).</summary>
        public void Begin(double dcOhm)
        {
            _watching = dcOhm > 0 && !double.IsInfinity(dcOhm);
            _dcLog = _watching ? Math.Log10(dcOhm) : 0;
            _learned = 0;
            Resume();
        }

        /// <summary>After a gap (relay was open): the holds are stale, so freshness and counts start again.</summary>
        public void Resume()
        {
            _trackLog = -100;
            _lowCount = 0;
            _highCount = 0;
            _farCount = 0;
        }

        public bool Watching { get { return _watching; } }

        /// <summary>The band while an S12 profile is confirmed (LoadWatchDesign.ConfirmedLowerRatio/HigherRatio) instead of
        /// ±30 %; the open rule and the insertion window stay.</summary>
        public bool Tight { get { return _tight; } set { _tight = value; } }
        public bool Learned { get { return _learned >= LoadWatchDesign.LearnCount; } }

        /// <summary>Low readings (lower load, or far from the insertion reading) counted so far and not contradicted.</summary>
        public int LowCount { get { return _lowCount > _farCount ? _lowCount : _farCount; } }

        /// <summary>Higher or open readings counted so far and not contradicted.</summary>
        public int HighCount { get { return _highCount; } }

        /// <summary>At least one estimate of the load since <see cref="Begin"/>: from then on a step is a change.</summary>
        public bool HasEstimate { get { return _learned > 0; } }

        /// <summary>Last estimate, log10 of ohms and of the output peak in volts (for tests and diagnostics).</summary>
        public double LastZLog { get { return _zLog; } }
        public double LastPeakVoltsLog { get { return _vLog; } }
        public double BaselineMinLog { get { return _minLog; } }
        public double BaselineMaxLog { get { return _maxLog; } }

        /// <summary>One tick: the |Z| pin and the level pin in volts.</summary>
        public LoadWatchVerdict Step(double zPinVolts, double levelPinVolts)
        {
            _zLog = (zPinVolts - LoadWatchDesign.PinOffsetVolts) / LoadWatchDesign.PinVoltsPerDecade + ZeroOhmLog;
            _vLog = (levelPinVolts - LoadWatchDesign.PinOffsetVolts) / LoadWatchDesign.PinVoltsPerDecade + LevelZeroLog;
            if (!_watching) return LoadWatchVerdict.Same;

            double track = _trackLog - LoadWatchDesign.TrackFallPerTick;
            _trackLog = _vLog > track ? _vLog : track;
            // No information this tick (silence, a quiet moment): the counts wait for the next estimate.
            if (_vLog < MinPeakVoltsLog) return LoadWatchVerdict.Same;
            // A fresh estimate is judged against the band as it is; a stale one (holds that decayed since the level's recent
            // maximum may have drifted apart) counts only for a change that clears the band by its margin
            // (LoadWatchDesign.StaleErrorPerDecade), and is never learned, followed nor lets a count go.
            double stale = _trackLog - _vLog;
            bool fresh = stale <= LoadWatchDesign.FreshDecades;
            double margin = fresh ? 0 : LoadWatchDesign.StaleErrorPerDecade * stale;
            bool currentOk = _vLog - _zLog >= MinPeakAmpsLog;
            if (!Learned)
            {
                if (FarFromInsertion(currentOk, fresh, margin))
                    return _farCount >= LoadWatchDesign.LowerConfirmCount ? LoadWatchVerdict.NotTheMeasuredLoad : LoadWatchVerdict.Same;
                if (_learned == 0)
                {
                    if (!currentOk || !fresh) return LoadWatchVerdict.Same;
                    _minLog = _zLog;
                    _maxLog = _zLog;
                    _learned = 1;
                    return LoadWatchVerdict.Same;
                }
            }
            // From the first estimate on, a step against what was seen is a swap: a load swapped while the baseline is
            // still being learned must not become the baseline (it did: 27 Ω learned for one estimate, then a 14 Ω IEM).
            LoadWatchVerdict verdict = StepWatching(currentOk, fresh, margin);
            if (!Learned && verdict == LoadWatchVerdict.Same && currentOk && fresh && _lowCount == 0 && _highCount == 0)
            {
                if (_zLog < _minLog) _minLog = _zLog;
                if (_zLog > _maxLog) _maxLog = _zLog;
                _learned++;
            }
            return verdict;
        }

        /// <summary>Before the baseline exists: far from the insertion's reading, in either direction, on an estimate that
        /// can tell (counted in <see cref="_farCount"/>).</summary>
        private bool FarFromInsertion(bool currentOk, bool fresh, double margin)
        {
            double top = _dcLog + WindowLog + margin;
            bool lowSeen = currentOk;
            bool low = lowSeen && _zLog < _dcLog - WindowLog - margin;
            bool highSeen = _vLog - top >= HigherNeedsLog || _vLog - _dcLog >= MinPeakAmpsLog;
            bool high = _vLog - top >= HigherNeedsLog && _zLog > top || _vLog - _dcLog >= MinPeakAmpsLog && _zLog > top + OpenLog;
            if (low || high)
            {
                _farCount++;
                return true;
            }
            if (fresh && (lowSeen || highSeen)) _farCount = 0;
            return false;
        }

        private LoadWatchVerdict StepWatching(bool currentOk, bool fresh, double margin)
        {
            double lowerLog = (_tight ? ConfirmedLowerLog : LowerLog) - margin;
            double higherLog = (_tight ? ConfirmedHigherLog : HigherLog) + margin;
            if (currentOk)
            {
                if (_zLog < _minLog + lowerLog)
                {
                    _lowCount++;
                    return _lowCount >= LoadWatchDesign.LowerConfirmCount ? LoadWatchVerdict.Lower : LoadWatchVerdict.Same;
                }
                if (fresh) _lowCount = 0;
            }
            // Higher: enough output that the baseline would draw twice the minimum current; open: that it would draw it.
            bool higherSeen = _vLog - (_maxLog + higherLog) >= HigherNeedsLog;
            bool openSeen = _vLog - _maxLog >= MinPeakAmpsLog;
            if (higherSeen || openSeen)
            {
                bool high = higherSeen && _zLog > _maxLog + higherLog || openSeen && _zLog > _maxLog + OpenLog + margin;
                if (high)
                {
                    _highCount++;
                    return _highCount >= LoadWatchDesign.HigherConfirmCount ? LoadWatchVerdict.Higher : LoadWatchVerdict.Same;
                }
                if (fresh) _highCount = 0;
            }
            if (!currentOk || !fresh) return LoadWatchVerdict.Same;
            // Follow a slow drift along the load's own impedance curve, never a step. A reading above the band that the
            // level was too low to judge is not followed either: it crept the range up to a swapped load over a quiet
            // passage (issue 19 long run: 16 Ω, profile confirmed, a 27 Ω headphone at -25 dB for 2.3 s, never cut).
            double drift = _tight ? LoadWatchDesign.ConfirmedDriftPerTick : LoadWatchDesign.DriftPerTick;
            if (_zLog < _minLog) _minLog = _zLog > _minLog - drift ? _zLog : _minLog - drift;
            if (_zLog > _maxLog && _zLog <= _maxLog + higherLog) _maxLog = _zLog < _maxLog + drift ? _zLog : _maxLog + drift;
            return LoadWatchVerdict.Same;
        }
    }
}
