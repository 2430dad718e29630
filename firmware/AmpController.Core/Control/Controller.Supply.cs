using AmpController.Core.Devices;

namespace AmpController.Core.Control
{
    /// <summary>
    /// The PT2258's supply supervisor (issue 19 item 4). A PT2258 has no reset pin and no readback: after any supply dip it
    /// is back in an undefined state and ignores (yet acknowledges) writes for 200 ms (docs/design.md §6), which nothing on
    /// the bus reveals. The board's supervisor (TPS3808G01, RESET delay 180 ms min / 300 typ / 420 max with CT tied to
    /// VDD, TI SBVS050 "Electrical Characteristics" t_d) holds its output low from the dip until the supply has been good
    /// for that delay. The controller reads it every fast input sample and every tick:
    /// - any low reading opens the output relay at once (a GPIO write, no bus) and, at the tick, enters a fault (mute,
    ///   recovery), from whatever state;
    /// - the relay closes, and recovery or the start-up initialises the chip (clear register + full state), only once the
    ///   output has read high for <see cref="SettleAfterSupervisorMs"/>: with the supervisor's minimum delay that is at least
    ///   <see cref="PoweredBeforeRelayMs"/> of supply.
    /// Without a supervisor port (DS1882 board) this is all inactive.
    /// </summary>
    public sealed partial class Controller
    {
        /// <summary>TPS3808 RESET delay with CT tied to VDD, datasheet minimum (TI SBVS050, t_d, CT = VDD: 180 ms).</summary>
        public const int SupervisorMinDelayMs = 180;

        /// <summary>Issue 19: the relay never closes until the chip has been powered this long (PT2258 needs ≥ 200 ms).</summary>
        public const int PoweredBeforeRelayMs = 250;

        /// <summary>How long the supervisor output must have read good: 250 − 180 = 70 ms.</summary>
        public const int SettleAfterSupervisorMs = PoweredBeforeRelayMs - SupervisorMinDelayMs;

        private long _supplyGoodSinceMs = -1;  // first "good" reading after a low (or at boot); -1 while low
        private bool _supplyEventSeen;          // a low reading not yet handled by the tick
        private int _supplyEvents;

        /// <summary>Supply events seen (the supervisor output dropped), since this boot.</summary>
        public int SupplyEvents { get { return _supplyEvents; } }

        /// <summary>One reading of the supervisor output: a low opens the relay at once and is latched for the tick.</summary>
        private void SampleSupply()
        {
            if (_ports.VolumeSupplyGood == null) return;
            if (_ports.VolumeSupplyGood.Read())
            {
                if (_supplyGoodSinceMs < 0) _supplyGoodSinceMs = _ports.Clock.NowMs;
                return;
            }
            if (_supplyGoodSinceMs >= 0) _supplyEvents++; // a drop after a good reading (a low at boot is the power-up)
            _supplyGoodSinceMs = -1;
            _supplyEventSeen = true;
            _output.Cut(); // the chip's undefined state must not reach the headphone
        }

        /// <summary>The tick's part: a latched supply event becomes a fault (relay open, mute, recovery) in any running state.</summary>
        private ControllerPhase OnSupplyEvent()
        {
            if (!_supplyEventSeen) return _phase;
            _supplyEventSeen = false;
            if (_phase == ControllerPhase.SafeStart || _phase == ControllerPhase.SafeMode) return _phase; // they wait for it anyway
            return Failed(DeviceStatus.SupplyLost);
        }

        /// <summary>True when the chip is known to have been powered for at least 250 ms (always, without a supervisor).</summary>
        private bool SupplySettled(long now)
        {
            if (_ports.VolumeSupplyGood == null) return true;
            return _supplyGoodSinceMs >= 0 && now - _supplyGoodSinceMs >= SettleAfterSupervisorMs;
        }
    }
}
