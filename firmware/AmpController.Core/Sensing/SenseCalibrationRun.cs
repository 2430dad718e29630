namespace AmpController.Core.Sensing
{
    /// <summary>
    /// The factory calibration (hardware/README.md, Calibration): the operator plugs three 0.1 % resistors in turn, each
    /// measured a few times; after each finished measurement the caller hands over the sensor's settled ratios with Add.
    /// The sensor picks the gain itself: the zoom resistor reads zoomed, the low and high ones in the normal gain. The
    /// zoom resistor's measurements also give each channel's zero shift when zoomed (ImpedanceSensor.ZoomZeroShift).
    /// Finish solves the constants and validates them. Used by the simulator's factory procedure and by the console's calibrate (Core/Service/CalibrationProcedure).
    /// </summary>
    public sealed class SenseCalibrationRun
    {
        /// <summary>Calibration resistors (0.1 %): one in the zoomed range (8–56 Ω), two spanning the normal range.</summary>
        public const double ZoomOhm = 10.0;
        public const double LowOhm = 100.0;
        public const double HighOhm = 470.0;

        public const int StepZoom = 0;
        public const int StepLow = 1;
        public const int StepHigh = 2;

        readonly double[] _sum = new double[6];
        readonly double[] _zoomZero = new double[2];
        readonly int[] _count = new int[3];

        /// <summary>Adds the settled ratios of one finished measurement of the resistor of <paramref name="step"/>.
        /// Returns false (and adds nothing) when a channel did not settle, or not in the low range with the gain the
        /// step needs (zoomed for the zoom resistor, normal for the others).</summary>
        public bool Add(ImpedanceSensor sensor, int step)
        {
            if (step < StepZoom || step > StepHigh) return false;
            bool zoom = step == StepZoom;
            for (int c = 0; c < 2; c++)
                if (!(Ratio(sensor, c, zoom) > 0) || sensor.UsedHighRange(c) || sensor.UsedZoom(c) != zoom) return false;
            if (zoom)
                for (int c = 0; c < 2; c++)
                    if (double.IsNaN(sensor.ZoomZeroShift(c))) return false;
            _sum[2 * step] += Ratio(sensor, SenseChannel.Left, zoom);
            _sum[2 * step + 1] += Ratio(sensor, SenseChannel.Right, zoom);
            if (zoom)
                for (int c = 0; c < 2; c++) _zoomZero[c] += sensor.ZoomZeroShift(c);
            _count[step]++;
            return true;
        }

        public int Count(int step) { return _count[step]; }

        /// <summary>Forgets every measurement of one step (the console's calibrate measures a step again).</summary>
        public void ClearStep(int step)
        {
            if (step < StepZoom || step > StepHigh) return;
            _sum[2 * step] = 0;
            _sum[2 * step + 1] = 0;
            if (step == StepZoom)
            {
                _zoomZero[0] = 0;
                _zoomZero[1] = 0;
            }
            _count[step] = 0;
        }

        /// <summary>The zoomed resistor's ratio from its end zeros alone: the zoom shift it measures is not known yet.</summary>
        public static double Ratio(ImpedanceSensor sensor, int channel, bool zoom)
        {
            return zoom ? sensor.EndZeroRatio(channel) : sensor.SettledRatio(channel);
        }

        /// <summary>The validated constants (defaults flagged FellBackToDefaults when a step is missing or the readings
        /// make no sense).</summary>
        public SenseCalibration Finish()
        {
            return SenseCalibration.Validated(Candidate());
        }

        /// <summary>The constants the readings give before validation (so a caller can say which one is implausible), or
        /// null when a step is missing or the readings cannot come from the model.</summary>
        public SenseCalibration? Candidate()
        {
            for (int s = 0; s < 3; s++)
                if (_count[s] == 0) return null;
            return SenseCalibration.FromResistors(ZoomOhm, LowOhm, HighOhm,
                Avg(StepZoom, 0), Avg(StepLow, 0), Avg(StepHigh, 0), Avg(StepZoom, 1), Avg(StepLow, 1), Avg(StepHigh, 1),
                _zoomZero[0] / _count[StepZoom], _zoomZero[1] / _count[StepZoom]);
        }

        double Avg(int step, int channel) { return _sum[2 * step + channel] / _count[step]; }
    }
}
