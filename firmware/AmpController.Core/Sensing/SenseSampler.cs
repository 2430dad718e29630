using AmpController.Core.Platform;

namespace AmpController.Core.Sensing
{
    /// <summary>
    /// The ADC reads of one window (one or two ticks): each tick reads the source 4 times and each channel 6 times,
    /// interleaved (<see cref="Pattern"/>), so the three inputs sample the same moments of a moving ramp. Evaluate
    /// gives each input's clean mean (SampleStats) and whether it can be trusted. Nothing allocates after construction.
    /// </summary>
    internal sealed class SenseSampler
    {
        /// <summary>Input read at each position of a tick: 0 source, 1 left, 2 right (4 + 6 + 6 = 16 reads).</summary>
        static readonly int[] Pattern = new int[] { 1, 2, 0, 1, 2, 1, 2, 0, 1, 2, 0, 1, 2, 1, 2, 0 };

        readonly IAdcChannel[] _inputs;
        readonly int[][] _samples;
        readonly int[] _count = new int[3];
        readonly int[] _scratch;

        public readonly double[] Mean = new double[3];
        public readonly bool[] Clean = new bool[3];

        public SenseSampler(IAdcChannel source, IAdcChannel left, IAdcChannel right)
        {
            _inputs = new IAdcChannel[] { source, left, right };
            int channelCap = SenseDesign.TicksPerWindow * SenseDesign.ChannelReadsPerTick;
            _samples = new int[][]
            {
                new int[SenseDesign.TicksPerWindow * SenseDesign.SourceReadsPerTick], new int[channelCap], new int[channelCap],
            };
            _scratch = new int[channelCap];
        }

        /// <summary>Ticks read since the last Clear.</summary>
        public int Ticks { get; private set; }

        public void Clear()
        {
            Ticks = 0;
            for (int i = 0; i < 3; i++) _count[i] = 0;
        }

        /// <summary>The 16 reads of one tick (at most TicksPerWindow ticks per window).</summary>
        public void ReadTick()
        {
            if (Ticks >= SenseDesign.TicksPerWindow) return;
            for (int k = 0; k < Pattern.Length; k++)
            {
                int input = Pattern[k];
                _samples[input][_count[input]++] = _inputs[input].ReadRaw();
            }
            Ticks++;
        }

        /// <summary>Means of the reads so far; a zero window (source off) is also held to the spread limit.</summary>
        public void Evaluate(bool zeroWindow)
        {
            for (int i = 0; i < 3; i++)
            {
                int inRange, used;
                double spread;
                Mean[i] = SampleStats.CleanMean(_samples[i], _count[i], SenseDesign.AdcMinUsableCode,
                    SenseDesign.AdcMaxUsableCode, _scratch, out inRange, out used, out spread);
                // While the source is on, the ramp's last per cent moves within a window: only zeros are held to the spread.
                Clean[i] = SampleStats.IsClean(_count[i], inRange, used, zeroWindow ? spread : 0);
            }
        }

        /// <summary>True when the source and both channels were clean at the last Evaluate.</summary>
        public bool AllClean { get { return Clean[0] && Clean[1] && Clean[2]; } }
    }
}
