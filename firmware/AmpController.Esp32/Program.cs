using System.Device.Gpio;
using System.Threading;
using AmpController.Esp32.Adapters;

namespace AmpController.Esp32
{
    /// <summary>
    /// Device entry point. Order matters (rule S1, design.md §4):
    ///   1. the output relay pin is driven low (relay open) before anything else runs;
    ///   2. the attenuator is left as it powered up — muted (DS1882 volatile mode powers up muted, design.md §6) —
    ///      nothing here writes to it; only the controller unmutes, after a readback confirms the configuration;
    ///   3. the rest of the board is opened; 4. the 10 ms control loop runs.
    /// </summary>
    public static class Program
    {
        /// <summary>Control period: removal must mute within one tick (S2), so the tick is short.</summary>
        public const int TickMs = 10;

        public static void Main()
        {
            var gpio = new GpioController();
            var outputRelay = new Esp32DigitalOutput(gpio, BoardPins.OutputRelay, false);

            var board = new Esp32Board(gpio, outputRelay);
            RunControlLoop(board);
        }

        private static void RunControlLoop(Esp32Board board)
        {
            long next = board.Clock.NowMs;
            while (true)
            {
                Tick(board, board.Clock.NowMs);
                next += TickMs;
                long wait = next - board.Clock.NowMs;
                if (wait > 0) Thread.Sleep((int)wait);
                else next = board.Clock.NowMs;   // overran: start the next period now instead of bursting to catch up
            }
        }

        /// <summary>
        /// One control tick. The controller (Core/Control) is not wired yet: until it is, the tick holds the S1 safe
        /// state (relay open, attenuator untouched). Wiring it means: build it once in Main from <see cref="Esp32Board"/>
        /// (bus, sense channels, switches, clock, file store) and call its tick here with <paramref name="nowMs"/>.
        /// S8 (stall → reboot) belongs there too: nanoFramework 1.x exposes no hardware watchdog, only
        /// nanoFramework.Runtime.Native.ExecutionConstraint and Power.RebootDevice (third_party/nanoframework/README.md).
        /// </summary>
        private static void Tick(Esp32Board board, long nowMs)
        {
            board.OutputRelay.Write(false);
        }
    }
}
