using AmpController.Core.Platform;

namespace AmpController.Core.Devices
{
    /// <summary>
    /// Sits between the drivers and the I2C bus and keeps a missing or stuck chip from stalling the device
    /// (docs/design.md §3a: a transfer to a missing or stuck device blocks the whole runtime until the native timeout,
    /// 1 s on the ESP32). After a transfer times out (ClockStretchTimeout, or a stuck bus):
    /// - no other transfer, to any address, is sent until <see cref="FirstRetryMs"/> later, so one control tick blocks
    ///   at most once (two blocks in one tick would starve the S8 stall monitor's timer);
    /// - the chip that timed out gets no real transfer until a bit-banged address probe (<see cref="IBusProbe"/>, well
    ///   under a millisecond, never blocks), made every <see cref="ProbePeriodMs"/>, shows it answering again; so a chip
    ///   that stays away costs one probe per 100 ms and never blocks the runtime again, and a chip that returns is seen
    ///   within 100 ms. A chip that answers the probe but still times out gets its blocking retries at a back-off that
    ///   doubles from <see cref="FirstRetryMs"/> up to <see cref="MaxRetryMs"/> (seconds). Without a probe the back-off
    ///   alone spaces the blocking retries;
    /// - before any transfer that may block, the output relay pin is driven open (S5): the listener never waits a
    ///   timeout with the output connected to an amplifier nobody controls;
    /// - <see cref="Recover"/> clocks the bus free only after a timeout: a NACK never leads to bit-banging.
    /// Refused transfers return "not sent" (UnknownError), which the drivers report as a bus error. No allocation.
    /// </summary>
    public sealed class BusGuard : IRegisterBus
    {
        public const int FirstRetryMs = 10;
        public const int MaxRetryMs = 2560;
        public const int ProbePeriodMs = 100;

        private const int Addresses = 128;

        private readonly IRegisterBus _bus;
        private readonly IClock _clock;
        private readonly IDigitalOutput _outputRelay;
        private readonly IBusProbe? _probe;
        private readonly bool[] _suspect = new bool[Addresses];        // timed out, no full transfer since
        private readonly bool[] _answered = new bool[Addresses];       // a probe found it since its last timeout
        private readonly int[] _retryMs = new int[Addresses];          // back-off of blocking retries (0: none yet)
        private readonly long[] _nextAttemptMs = new long[Addresses];
        private readonly long[] _nextProbeMs = new long[Addresses];
        private long _quietUntilMs;
        private bool _timedOutSinceClear;

        public BusGuard(IRegisterBus bus, IClock clock, IDigitalOutput outputRelay, IBusProbe? probe)
        {
            _bus = bus;
            _clock = clock;
            _outputRelay = outputRelay;
            _probe = probe;
        }

        /// <summary>Transfers that ended in a timeout (each blocked the runtime).</summary>
        public int Timeouts { get; private set; }

        /// <summary>Transfers refused without touching the bus.</summary>
        public int Refused { get; private set; }

        /// <summary>Address probes made and bus clears made (both bit-banged).</summary>
        public int Probes { get; private set; }
        public int Clears { get; private set; }

        /// <summary>True while the chip at <paramref name="address"/> has timed out and not answered since.</summary>
        public bool IsSuspect(int address)
        {
            return address >= 0 && address < Addresses && _suspect[address];
        }

        public BusResult Write(int address, byte[] data, int count)
        {
            if (!MaySend(address)) return Refuse();
            return Classify(address, _bus.Write(address, data, count));
        }

        public BusResult Read(int address, byte[] into, int count)
        {
            if (!MaySend(address)) return Refuse();
            return Classify(address, _bus.Read(address, into, count));
        }

        public BusResult WriteRead(int address, byte[] data, int writeCount, byte[] into, int readCount)
        {
            if (!MaySend(address)) return Refuse();
            return Classify(address, _bus.WriteRead(address, data, writeCount, into, readCount));
        }

        /// <summary>Bus clear (UM10204 §3.1.16) only after a timeout; otherwise there is nothing to free (true).</summary>
        public bool Recover()
        {
            if (!_timedOutSinceClear) return true;
            Clears++;
            bool free = _bus.Recover();
            if (free) _timedOutSinceClear = false;
            return free;
        }

        private bool MaySend(int address)
        {
            if (address < 0 || address >= Addresses) return true; // the bus refuses it itself
            long now = _clock.NowMs;
            if (now < _quietUntilMs) return false;
            if (!_suspect[address]) return true;
            if (!_answered[address])
            {
                if (now < _nextAttemptMs[address]) return false;
                if (_probe != null)
                {
                    if (now < _nextProbeMs[address]) return false;
                    _nextProbeMs[address] = now + ProbePeriodMs;
                    Probes++;
                    if (!_probe.Probe(address)) return false;
                }
                _answered[address] = true;
            }
            _outputRelay.Write(false); // this transfer may block: cut the output first
            return true;
        }

        private BusResult Classify(int address, BusResult result)
        {
            if (address < 0 || address >= Addresses) return result;
            BusStatus status = result.Status;
            if (status == BusStatus.ClockStretchTimeout || status == BusStatus.BusStuck)
            {
                long now = _clock.NowMs; // after the block
                int retry = _retryMs[address] == 0 ? FirstRetryMs : _retryMs[address] * 2;
                if (retry > MaxRetryMs) retry = MaxRetryMs;
                _retryMs[address] = retry;
                _suspect[address] = true;
                _answered[address] = false;
                _nextAttemptMs[address] = now + retry;
                _nextProbeMs[address] = now;
                _quietUntilMs = now + FirstRetryMs;
                _timedOutSinceClear = true;
                Timeouts++;
            }
            else if (status == BusStatus.FullTransfer)
            {
                _suspect[address] = false;
                _answered[address] = false;
                _retryMs[address] = 0;
            }
            return result;
        }

        private BusResult Refuse()
        {
            Refused++;
            return I2cOutcome.NotSent();
        }
    }
}
