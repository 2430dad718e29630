using System;
using AmpController.Core.Platform;

namespace AmpController.Core.Devices
{
    /// <summary>
    /// Princeton PT2258 6-channel attenuator, 0 to −79 dB in 1 dB steps, used for two channels: left = channel 1,
    /// right = channel 2 (see README.md in this folder). The chip is write-only, so Verify cannot read anything back:
    /// it rewrites the whole state instead, once per supervision period (S6). Every level is sent as a 10 dB code
    /// followed by a 1 dB code in a transfer of its own, as the datasheet requires.
    /// </summary>
    public sealed class Pt2258 : IVolumeChip
    {
        /// <summary>The chip's name wherever it is shown or parsed (console, trace, scenarios).</summary>
        public const string ChipName = "PT2258";

        /// <summary>Minimum time from power-on to the first transfer (datasheet "Control software procedure").</summary>
        public const int PowerUpDelayMs = 200;

        // Function codes (datasheet "Data table"; the same values as Linux sound/i2c/other/pt2258.c).
        internal const byte ClearRegister = 0xC0;
        internal const byte MuteOn = 0xF9;
        internal const byte MuteOff = 0xF8;
        internal const byte AllChannelsTens = 0xD0;
        internal const byte AllChannelsOnes = 0xE0;
        internal const byte Channel1Tens = 0x80;
        internal const byte Channel1Ones = 0x90;
        internal const byte Channel2Tens = 0x40;
        internal const byte Channel2Ones = 0x50;

        internal const int DeepestLevel = 79;

        internal const int BaseAddress = 0x40;
        internal const int CodePinBits = 0x06;

        private readonly IRegisterBus _bus;
        private readonly int _address;
        private readonly IClock _clock;
        private readonly long _powerOnAtMs;
        private readonly byte[] _tx = new byte[2];

        private bool _initialized;
        private bool _stale;            // a transfer failed since the last full refresh: the chip state is unknown
        private bool _muted = true;
        private int _left = DeepestLevel;
        private int _right = DeepestLevel;

        /// <param name="powerOnAtMs">Clock time when the chip got power (normally 0: it powers up with the MCU).</param>
        public Pt2258(IRegisterBus bus, int address, IClock clock, long powerOnAtMs)
        {
            if (bus == null) throw new ArgumentNullException(nameof(bus));
            if (clock == null) throw new ArgumentNullException(nameof(clock));
            // Address 1 0 0 0 CODE1 CODE2 0 in 8-bit form (datasheet "Address code"): 7-bit 40h, 42h, 44h, 46h.
            if ((address & ~CodePinBits) != BaseAddress) throw new ArgumentOutOfRangeException(nameof(address));
            _bus = bus;
            _address = address;
            _clock = clock;
            _powerOnAtMs = powerOnAtMs;
        }

        public string Name { get { return ChipName; } }

        public int MinDb { get { return -DeepestLevel; } }

        /// <summary>
        /// Clear register, mute, then every channel to −79 dB. NotReady (nothing written) until 200 ms after power-on.
        /// Clear comes first because the state it leaves is not documented; the mute that follows covers it.
        /// </summary>
        public DeviceStatus Initialize()
        {
            if (_clock.NowMs - _powerOnAtMs < PowerUpDelayMs) return DeviceStatus.NotReady;
            _initialized = false;
            _muted = true;
            _left = DeepestLevel;
            _right = DeepestLevel;
            if (!SendCode(ClearRegister) || !SendCode(MuteOn)) return Failed();
            if (!SendLevel(AllChannelsTens, AllChannelsOnes, DeepestLevel)) return Failed();
            _initialized = true;
            _stale = false;
            return DeviceStatus.Ok;
        }

        /// <summary>
        /// Sends only the channels that change: one all-channel pair when both change to the same level, else a pair per
        /// changed channel; then un-mutes if muted. Out of range: Rejected, nothing written.
        /// </summary>
        public DeviceStatus SetLevels(int leftDb, int rightDb)
        {
            if (!IsLevel(leftDb) || !IsLevel(rightDb)) return DeviceStatus.Rejected;
            if (!_initialized)
            {
                DeviceStatus init = Initialize();
                if (init != DeviceStatus.Ok) return init;
            }

            int left = -leftDb;
            int right = -rightDb;
            bool leftChanges = _stale || left != _left;
            bool rightChanges = _stale || right != _right;
            _left = left;
            _right = right;

            if (leftChanges && rightChanges && left == right)
            {
                if (!SendLevel(AllChannelsTens, AllChannelsOnes, left)) return Failed();
            }
            else
            {
                if (leftChanges && !SendLevel(Channel1Tens, Channel1Ones, left)) return Failed();
                if (rightChanges && !SendLevel(Channel2Tens, Channel2Ones, right)) return Failed();
            }

            if (_muted || _stale)
            {
                _muted = false;
                if (!SendCode(MuteOff)) return Failed();
            }
            _stale = false;
            return DeviceStatus.Ok;
        }

        public DeviceStatus Mute()
        {
            _muted = true;
            return SendCode(MuteOn) ? DeviceStatus.Ok : Failed();
        }

        /// <summary>
        /// Refresh (S6): rewrites mute state and both levels so a chip that reset itself gets the right state back within
        /// one period. When muted the mute goes first; when playing the levels go first so no louder level is heard.
        /// Before a successful Initialize this runs Initialize (which may be NotReady).
        /// </summary>
        public DeviceStatus Verify()
        {
            if (!_initialized) return Initialize();
            if (_muted && !SendCode(MuteOn)) return Failed();
            if (!SendLevel(Channel1Tens, Channel1Ones, _left)) return Failed();
            if (!SendLevel(Channel2Tens, Channel2Ones, _right)) return Failed();
            if (!_muted && !SendCode(MuteOff)) return Failed();
            _stale = false;
            return DeviceStatus.Ok;
        }

        private static bool IsLevel(int db)
        {
            return db <= 0 && db >= -DeepestLevel;
        }

        private DeviceStatus Failed()
        {
            _stale = true;
            return DeviceStatus.BusError;
        }

        private bool SendCode(byte code)
        {
            _tx[0] = code;
            return BusTransfer.Complete(_bus.Write(_address, _tx, 1), 1);
        }

        private bool SendLevel(byte tensCode, byte onesCode, int attenuationDb)
        {
            _tx[0] = (byte)(tensCode | (attenuationDb / 10));
            _tx[1] = (byte)(onesCode | (attenuationDb % 10));
            return BusTransfer.Complete(_bus.Write(_address, _tx, 2), 2);
        }
    }
}
