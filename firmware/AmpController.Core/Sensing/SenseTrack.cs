using System;

namespace AmpController.Core.Sensing
{
    /// <summary>Window history of one channel during a measurement.</summary>
    internal sealed class SenseTrack
    {
        public double Zero;
        public bool ExternalVoltage;
        public bool HighRange;
        public bool HasPrevious;
        public double PreviousRatio;
        public LoadClass PreviousClass = LoadClass.Uncertain;
        public bool Stable;
        public double PreviousMean;
        public double PreviousSourceMean;
        public double FinalMean;
        public double FinalSourceMean;
        public double FinalRatio = double.NaN;
        public double EstimatedOhm = double.NaN;

        public void Reset()
        {
            EstimatedOhm = double.NaN;
            Zero = 0;
            ExternalVoltage = false;
            HighRange = false;
            FinalRatio = double.NaN;
            Forget();
        }

        public void Forget()
        {
            HasPrevious = false;
            Stable = false;
            PreviousClass = LoadClass.Uncertain;
        }

        /// <summary>Settled when this window agrees with the previous one in ratio and class (hysteresis applied).</summary>
        public void Add(double mean, double sourceMean, double ratio, LoadClass cls)
        {
            Stable = HasPrevious && Math.Abs(ratio - PreviousRatio) <= SenseDesign.StableRatioTolerance && cls == PreviousClass;
            if (Stable)
            {
                FinalMean = (mean + PreviousMean) / 2.0;
                FinalSourceMean = (sourceMean + PreviousSourceMean) / 2.0;
            }
            PreviousMean = mean;
            PreviousSourceMean = sourceMean;
            PreviousRatio = ratio;
            PreviousClass = cls;
            HasPrevious = true;
        }
    }
}
