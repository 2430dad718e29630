using System;

namespace AmpController.Core.Acoustics
{
    /// <summary>
    /// Everything the policy needs to know about the analogue path. The default is the reference board of docs/design.md §2:
    /// DAC line input (full scale 2.0 Vrms) → attenuator chip → relay-selected gain → output stage (0.1 Ω, 10 Vrms, 250 mA).
    /// </summary>
    public sealed class BoardProfile
    {
        /// <summary>Full-scale sine from the DAC in Vrms (docs/design.md §2).</summary>
        public double SourceFullScaleVrms = 2.0;

        /// <summary>Gain steps in dB, lowest first; the index is the gain step of IBoardSwitches (docs/design.md §2).</summary>
        public int[] GainStepsDb = new int[] { -20, 0, 12 };

        /// <summary>Output stage source impedance (docs/design.md §2).</summary>
        public double OutputImpedanceOhm = 0.1;

        /// <summary>Clean output limits for a continuous sine (docs/design.md §2: 10 Vrms, 250 mA, rails ±15 V).</summary>
        public double MaxCleanOutputVrms = 10.0;
        public double MaxCleanOutputArms = 0.25;

        /// <summary>
        /// A-weighted noise (20 Hz–20 kHz) in µV. Input-referred 2.0 µV: thermal noise of the attenuator's ~10 kΩ
        /// source resistance (≈1.3 µV A-weighted) plus a low-noise op-amp gain stage (OPA1612/NE5532 class, ≈1 µV);
        /// the output buffer adds 3.0 µV independent of gain (typical of composite headphone buffers). Because the
        /// attenuator sits before the gain stage, hiss does not fall with volume: it depends on the gain step only.
        /// </summary>
        public double InputNoiseUv = 2.0;
        public double OutputStageNoiseUv = 3.0;

        public AttenuatorProfile Attenuator = AttenuatorProfile.Ds1882;

        /// <summary>The reference board of docs/design.md §2 with the DS1882.</summary>
        public static BoardProfile Reference()
        {
            return new BoardProfile();
        }

        public static BoardProfile Reference(AttenuatorProfile attenuator)
        {
            BoardProfile b = new BoardProfile();
            b.Attenuator = attenuator;
            return b;
        }

        public int GainStepCount { get { return GainStepsDb.Length; } }

        public int LowestGainDb { get { return GainStepsDb[0]; } }

        /// <summary>Output voltage of a full-scale sine at a gain and attenuator setting (dB, ≤ 0).</summary>
        public double FullScaleOutputVrms(int gainDb, int attenuationDb)
        {
            return SourceFullScaleVrms * AcousticMath.DbToVoltageRatio(gainDb + attenuationDb);
        }

        /// <summary>Highest sine the output stage delivers cleanly into a load: min(voltage limit, current limit × Z).</summary>
        public double CleanOutputVrms(double loadOhm)
        {
            return Math.Min(MaxCleanOutputVrms, MaxCleanOutputArms * loadOhm);
        }

        /// <summary>A-weighted output noise in Vrms at a gain: √((e_in·G)² + e_out²).</summary>
        public double OutputNoiseVrms(int gainDb)
        {
            double amplified = InputNoiseUv * AcousticMath.DbToVoltageRatio(gainDb);
            return Math.Sqrt(amplified * amplified + OutputStageNoiseUv * OutputStageNoiseUv) * 1e-6;
        }
    }
}
