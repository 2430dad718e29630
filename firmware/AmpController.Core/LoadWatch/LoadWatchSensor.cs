using AmpController.Core.Platform;

namespace AmpController.Core.LoadWatch
{
    /// <summary>
    /// The board's load watch (hardware/load-watch.cir): four ADC1 pins, |Z| and level per channel, one read each per
    /// tick (ADC reads are slow native calls on the device). Either channel's verdict counts. Allocates nothing.
    /// </summary>
    public sealed class LoadWatchSensor : ILoadWatch
    {
        /// <summary>A tick later than this after the previous one means the relay was open meanwhile: stale holds.</summary>
        private const long GapMs = 25;

        private readonly IAdcChannel _zLeft;
        private readonly IAdcChannel _levelLeft;
        private readonly IAdcChannel _zRight;
        private readonly IAdcChannel _levelRight;
        private readonly LoadWatchEstimator _left = new LoadWatchEstimator();
        private readonly LoadWatchEstimator _right = new LoadWatchEstimator();
        private long _lastMs = long.MinValue;
        private int _changes;

        public LoadWatchSensor(IAdcChannel zLeft, IAdcChannel levelLeft, IAdcChannel zRight, IAdcChannel levelRight)
        {
            _zLeft = zLeft;
            _levelLeft = levelLeft;
            _zRight = zRight;
            _levelRight = levelRight;
        }

        public LoadWatchEstimator Left { get { return _left; } }
        public LoadWatchEstimator Right { get { return _right; } }

        /// <summary>Verdicts other than Same since start-up.</summary>
        public int Changes { get { return _changes; } }

        public void Begin(double leftOhm, double rightOhm)
        {
            _left.Begin(leftOhm);
            _right.Begin(rightOhm);
            _lastMs = long.MinValue;
        }

        public void SetProfileConfirmed(bool confirmed)
        {
            _left.Tight = confirmed;
            _right.Tight = confirmed;
        }

        public LoadWatchVerdict Update(long nowMs)
        {
            if (_lastMs == long.MinValue || nowMs - _lastMs > GapMs)
            {
                _left.Resume();
                _right.Resume();
            }
            _lastMs = nowMs;
            LoadWatchVerdict left = _left.Step(Volts(_zLeft), Volts(_levelLeft));
            LoadWatchVerdict right = _right.Step(Volts(_zRight), Volts(_levelRight));
            LoadWatchVerdict verdict = left != LoadWatchVerdict.Same ? left : right;
            // A swap changes both ear pieces: a changed reading on each channel is two independent readings (an ADC spike
            // corrupts one), so it need not wait for the second tick (10 ms sooner).
            if (verdict == LoadWatchVerdict.Same && _left.LowCount > 0 && _right.LowCount > 0)
                verdict = _left.Learned && _right.Learned ? LoadWatchVerdict.Lower : LoadWatchVerdict.NotTheMeasuredLoad;
            if (verdict == LoadWatchVerdict.Same && _left.HighCount > 0 && _right.HighCount > 0)
                verdict = LoadWatchVerdict.Higher;
            if (verdict != LoadWatchVerdict.Same) _changes++;
            return verdict;
        }

        private static double Volts(IAdcChannel channel)
        {
            return channel.ReadRaw() * LoadWatchDesign.AdcFullScaleVolts / channel.MaxValue;
        }
    }
}
