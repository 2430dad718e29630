using System;

namespace AmpController.Core.Acoustics
{
    /// <summary>Levels of the programme signal (full scale −10 dB, EN 50332) and the attenuator steps that bound them (S4).</summary>
    public static class VolumeCap
    {
        /// <summary>Programme level in dBA for a sensitivity, gain and attenuator setting (dB ≤ 0).</summary>
        public static double ProgrammeLevelDbA(BoardProfile board, double dbPerV, int gainDb, int attenuationDb)
        {
            if (attenuationDb == AttenuatorProfile.MuteDb) return double.NegativeInfinity;
            double fullScale = AcousticMath.LevelForVolts(board.FullScaleOutputVrms(gainDb, attenuationDb), dbPerV);
            return fullScale - PolicyLimits.ProgrammeBelowFullScaleDb;
        }

        /// <summary>
        /// The highest attenuator step (integer dB, MinDb..0) whose programme level is ≤ target, rounding toward
        /// safety (down). AttenuatorProfile.MuteDb when even the deepest step is louder than the target.
        /// </summary>
        public static int StepForLevel(BoardProfile board, double dbPerV, int gainDb, double targetDbA)
        {
            double room = targetDbA - ProgrammeLevelDbA(board, dbPerV, gainDb, 0);
            if (double.IsNaN(room)) return AttenuatorProfile.MuteDb;
            if (room >= 0) return 0;
            double step = Math.Floor(room);
            if (step < board.Attenuator.MinDb) return AttenuatorProfile.MuteDb;
            return (int)step;
        }

        /// <summary>The lower (quieter) of two attenuator settings; mute is below every step.</summary>
        public static int Quieter(int aDb, int bDb)
        {
            return aDb < bDb ? aDb : bDb;
        }
    }
}
