using System;

namespace AmpController.Core.Sensing
{
    /// <summary>One channel during a measurement: its range and zoom, its zeros and its result-window history.</summary>
    internal sealed class SenseTrack
    {
        public bool HighRange;
        public bool Zoom;
        public bool ExternalVoltage;
        public double StartZero;
        public double EndZero;

        public bool HasPrevious;
        public bool Stable;
        public double PreviousRatio;
        public double PreviousMean;
        public double PreviousSourceMean;
        public double FinalMean;
        public double FinalSourceMean;

        public double FinalRatio = double.NaN;
        public double EndZeroRatio = double.NaN;
        public double ZoomZeroShift = double.NaN;
        public double EstimatedOhm = double.NaN;

        public void Reset()
        {
            HighRange = false;
            Zoom = false;
            ExternalVoltage = false;
            StartZero = 0;
            EndZero = 0;
            FinalRatio = double.NaN;
            EndZeroRatio = double.NaN;
            ZoomZeroShift = double.NaN;
            EstimatedOhm = double.NaN;
            Forget();
        }

        public void Forget()
        {
            HasPrevious = false;
            Stable = false;
        }

        /// <summary>
        /// Settled when this window's ratio agrees with the previous one's within <paramref name="tolerance"/>; the final
        /// means are then those of both windows.
        /// </summary>
        public void Add(double mean, double sourceMean, double ratio, double tolerance)
        {
            Stable = HasPrevious && Math.Abs(ratio - PreviousRatio) <= tolerance;
            if (Stable)
            {
                FinalMean = (mean + PreviousMean) / 2.0;
                FinalSourceMean = (sourceMean + PreviousSourceMean) / 2.0;
            }
            PreviousMean = mean;
            PreviousSourceMean = sourceMean;
            PreviousRatio = ratio;
            HasPrevious = true;
        }
    }
}
