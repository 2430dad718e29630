namespace AmpController.Core.Input
{
    /// <summary>
    /// Detents from the pulse counter's running total, read once per control tick. In two-pin mode the counter counts
    /// every edge of both contacts with its direction (x4 quadrature; nf-interpreter targets/ESP32/_nanoCLR/
    /// nanoFramework.Hardware.ESP32/nanoFramework_hardware_esp32_native_System_Device_Gpio_GpioPulseCounter.cpp, the
    /// pcnt_unit_config version: channel 0 counts A's edges (rise −1, fall +1) gated by B, channel 1 B's edges (rise +1,
    /// fall −1) gated by A, a low gate reverses): four counts per Gray-code cycle, one cycle per detent on a full-cycle
    /// encoder (EC11 type). Contact bounce moves the count back and forth and nets out, so only whole cycles count:
    /// exactly one step per detent (S11), however many detents happened between two reads. Remainders carry over.
    /// The first read sets the origin. (The ESP-IDF 5 version of that native file counts A's edges by the Polarity
    /// setting instead, which does not net bounce out: docs/performance.md, "Encoder on the pulse counter".)
    /// </summary>
    public sealed class DetentCounter
    {
        /// <summary>Edges per detent in x4 quadrature: A and B each rise and fall once per cycle.</summary>
        public const int CountsPerDetent = 4;

        private long _consumed;
        private bool _started;

        /// <summary>Detents since the last call (positive = louder); <paramref name="count"/> is the counter's total.</summary>
        public int Take(long count)
        {
            if (!_started)
            {
                _started = true;
                _consumed = count;
                return 0;
            }
            long steps = (count - _consumed) / CountsPerDetent; // truncates toward zero: a partial cycle waits
            _consumed += steps * CountsPerDetent;
            if (steps > 10000) return 10000;    // far beyond any knob; the level clamps anyway
            if (steps < -10000) return -10000;
            return (int)steps;
        }
    }
}
