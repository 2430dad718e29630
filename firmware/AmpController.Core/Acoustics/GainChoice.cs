using System;

namespace AmpController.Core.Acoustics
{
    /// <summary>
    /// Gain selection: the lowest gain whose full-scale output reaches the limit level plus the programme's peak headroom.
    /// The programme sits 10 dB below full scale (EN 50332), so with the programme at the limit, full-scale peaks are
    /// limit + 10 dB: the board must deliver that as a clean sine (≤ 10 Vrms and ≤ 250 mA into the load).
    /// The lowest such gain also keeps hiss lowest (docs/design.md §5).
    /// </summary>
    public sealed class GainChoice
    {
        public int Step;
        public int GainDb;
        /// <summary>Full-scale output voltage needed for programme = limit.</summary>
        public double NeededFullScaleVrms;
        /// <summary>Some gain step reaches the needed full-scale voltage.</summary>
        public bool ReachesLimit;
        /// <summary>The output stage can deliver the needed full-scale peaks cleanly into this load.</summary>
        public bool CleanPeaks;
        public double CleanOutputVrms;

        public static GainChoice Choose(BoardProfile board, double dbPerV, double loadOhm, double limitDbA)
        {
            GainChoice c = new GainChoice();
            c.NeededFullScaleVrms = AcousticMath.VoltsForLevel(limitDbA + PolicyLimits.ProgrammeBelowFullScaleDb, dbPerV);
            c.CleanOutputVrms = board.CleanOutputVrms(loadOhm);
            c.CleanPeaks = c.NeededFullScaleVrms <= c.CleanOutputVrms;
            int last = board.GainStepCount - 1;
            c.Step = last;
            for (int i = 0; i <= last; i++)
            {
                if (board.FullScaleOutputVrms(board.GainStepsDb[i], 0) >= c.NeededFullScaleVrms)
                {
                    c.Step = i;
                    c.ReachesLimit = true;
                    break;
                }
            }
            c.GainDb = board.GainStepsDb[c.Step];
            return c;
        }

        /// <summary>Lowest gain step regardless of level (S7: unconfirmed loads).</summary>
        public static GainChoice Lowest(BoardProfile board, double dbPerV, double loadOhm, double limitDbA)
        {
            GainChoice c = Choose(board, dbPerV, loadOhm, limitDbA);
            c.Step = 0;
            c.GainDb = board.GainStepsDb[0];
            c.ReachesLimit = board.FullScaleOutputVrms(c.GainDb, 0) >= c.NeededFullScaleVrms;
            return c;
        }
    }
}
