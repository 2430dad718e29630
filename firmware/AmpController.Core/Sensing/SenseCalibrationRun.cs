namespace AmpController.Core.Sensing
{
    /// <summary>
    /// The factory calibration (hardware/README.md, Calibration): the operator plugs the low resistor, then the high
    /// one, each measured a few times; after each finished measurement the caller hands over the sensor's settled
    /// ratios with Add. Finish solves the constants, validates them and, when plausible, stores them. Used by the
    /// simulator's factory procedure and meant for a console command on the device.
    /// </summary>
    public sealed class SenseCalibrationRun
    {
        /// <summary>Calibration resistors (0.1 %) near both ends of the 8–600 Ω range.</summary>
        public const double LowOhm = 10.0;
        public const double HighOhm = 470.0;

        readonly double[] _sum = new double[4];
        readonly int[] _count = new int[2];

        /// <summary>Adds the settled ratios of one finished measurement of the low (true) or high resistor.
        /// Returns false (and adds nothing) when a channel did not settle in the low range.</summary>
        public bool Add(ImpedanceSensor sensor, bool lowResistor)
        {
            double left = sensor.SettledRatio(SenseChannel.Left);
            double right = sensor.SettledRatio(SenseChannel.Right);
            if (!(left > 0) || !(right > 0) || sensor.UsedHighRange(SenseChannel.Left) || sensor.UsedHighRange(SenseChannel.Right))
                return false;
            int step = lowResistor ? 0 : 1;
            _sum[2 * step] += left;
            _sum[2 * step + 1] += right;
            _count[step]++;
            return true;
        }

        public int Count(bool lowResistor) { return _count[lowResistor ? 0 : 1]; }

        /// <summary>The validated constants (defaults flagged FellBackToDefaults when the readings make no sense).</summary>
        public SenseCalibration Finish()
        {
            if (_count[0] == 0 || _count[1] == 0) return SenseCalibration.Validated(null);
            return SenseCalibration.Validated(SenseCalibration.FromTwoResistors(LowOhm, HighOhm,
                _sum[0] / _count[0], _sum[2] / _count[1], _sum[1] / _count[0], _sum[3] / _count[1]));
        }
    }
}
