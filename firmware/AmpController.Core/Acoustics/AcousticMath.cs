using System;

namespace AmpController.Core.Acoustics
{
    /// <summary>Pure conversions between sensitivity, level, voltage, current and power (docs/design.md §5).</summary>
    public static class AcousticMath
    {
        /// <summary>S_dB/V = S_dB/mW + 10·log10(1000 / Z), Z the nominal impedance in ohms.</summary>
        public static double DbPerMwToDbPerV(double dbPerMw, double ohm)
        {
            return dbPerMw + 10.0 * Math.Log10(1000.0 / ohm);
        }

        public static double DbPerVToDbPerMw(double dbPerV, double ohm)
        {
            return dbPerV - 10.0 * Math.Log10(1000.0 / ohm);
        }

        public static double ToDbPerV(double value, SensitivityUnit unit, double ohm)
        {
            return unit == SensitivityUnit.DbPerV ? value : DbPerMwToDbPerV(value, ohm);
        }

        /// <summary>Voltage for a level: V = 10^((L − S_dB/V) / 20) Vrms.</summary>
        public static double VoltsForLevel(double levelDb, double dbPerV)
        {
            return Math.Pow(10.0, (levelDb - dbPerV) / 20.0);
        }

        /// <summary>The level a given output voltage gives: L = S_dB/V + 20·log10(V).</summary>
        public static double LevelForVolts(double volts, double dbPerV)
        {
            return dbPerV + 20.0 * Math.Log10(volts);
        }

        /// <summary>P = V² / Z, in milliwatts.</summary>
        public static double PowerMw(double volts, double ohm)
        {
            return volts * volts / ohm * 1000.0;
        }

        /// <summary>I = V / Z, in milliamperes.</summary>
        public static double CurrentMa(double volts, double ohm)
        {
            return volts / ohm * 1000.0;
        }

        public static double PowerMwForLevel(double levelDb, double dbPerV, double ohm)
        {
            return PowerMw(VoltsForLevel(levelDb, dbPerV), ohm);
        }

        public static double DbToVoltageRatio(double db)
        {
            return Math.Pow(10.0, db / 20.0);
        }

        public static double VoltageRatioToDb(double ratio)
        {
            return 20.0 * Math.Log10(ratio);
        }

        /// <summary>True for a real number (nanoFramework has no double.IsFinite).</summary>
        public static bool IsFinite(double value)
        {
            return !double.IsNaN(value) && !double.IsInfinity(value);
        }
    }
}
