using System;

namespace AmpController.Core.Dose
{
    /// <summary>
    /// Sound dose after ITU-T H.870 / EN 50332-3 (docs/design.md §5): the weekly allowance is 80 dBA for 40 h
    /// (1.6 Pa²·h); a second at L dBA uses 10^((L − 80)/10) / (40·3600) of it. Pure functions.
    /// </summary>
    public static class DoseMath
    {
        public const double ReferenceDbA = 80.0;          // H.870 reference exposure level
        public const double AllowanceHours = 40.0;        // at the reference level, per 7 days
        public const double AllowanceSeconds = AllowanceHours * 3600.0;
        public const double ReferencePressurePa = 20e-6;  // 0 dB SPL

        /// <summary>Energy relative to 80 dBA: 1 at 80 dBA, 2 (≈) at 83 dBA, 10 at 90 dBA.</summary>
        public static double RelativeEnergy(double levelDbA)
        {
            return Math.Pow(10.0, (levelDbA - ReferenceDbA) / 10.0);
        }

        /// <summary>Fraction of the weekly allowance used by one second at this level.</summary>
        public static double FractionPerSecond(double levelDbA)
        {
            return RelativeEnergy(levelDbA) / AllowanceSeconds;
        }

        /// <summary>Fraction of the weekly allowance used by <paramref name="seconds"/> at this level.</summary>
        public static double Fraction(double levelDbA, double seconds)
        {
            return FractionPerSecond(levelDbA) * seconds;
        }

        /// <summary>Listening time at this level that uses the whole weekly allowance, in hours.</summary>
        public static double HoursToFullAllowance(double levelDbA)
        {
            return AllowanceHours / RelativeEnergy(levelDbA);
        }

        /// <summary>Exposure in Pa²·h: mean-square A-weighted pressure times hours (80 dBA for 40 h = 1.6 Pa²·h).</summary>
        public static double PascalSquaredHours(double levelDbA, double hours)
        {
            return ReferencePressurePa * ReferencePressurePa * Math.Pow(10.0, levelDbA / 10.0) * hours;
        }
    }
}
