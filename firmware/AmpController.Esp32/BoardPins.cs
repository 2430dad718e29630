namespace AmpController.Esp32
{
    /// <summary>
    /// Every ESP32 pin of the reference board (ESP32-WROOM-32, docs/design.md §2), in one place. Mirrored, with the reasons,
    /// in hardware/pinmap.md (a host test checks that both agree). GPIO numbers are the chip's ("logical" numbering of
    /// nanoFramework's GpioController). Avoided everywhere: GPIO 6–11 (SPI flash), 1/3 (USB-UART console),
    /// strapping pins 0, 5, 15 (ESP32 datasheet §2.4; 2 and 12 carry only the sense zoom selects, held low by their
    /// pull-downs as the straps want them), and 5/14/15, which output PWM/high while booting.
    /// </summary>
    public static class BoardPins
    {
        /// <summary>
        /// Output relay drive (S1): GPIO 4 is not a strapping pin and stays an input, undriven, from reset through the
        /// boot ROM and bootloader; the 10 kΩ external pull-down holds the relay driver off (relay open) until
        /// Program drives it low explicitly as its first action.
        /// </summary>
        public const int OutputRelay = 4;

        /// <summary>I2C bus 1 (nanoFramework busId 1 ↔ DeviceFunction.I2C1_*): the usual ESP32 pair, 4.7 kΩ pull-ups to 3.3 V.</summary>
        public const int I2cBusId = 1;
        public const int I2cData = 21;
        public const int I2cClock = 22;

        /// <summary>Sense inputs on ADC1 (ADC2 is unusable with Wi-Fi, docs/design.md §5). GPIO 36/39/34 are input-only.</summary>
        public const int SenseLeftGpio = 36;      // ADC1 channel 0: tip (left) through the series resistor
        public const int SenseRightGpio = 39;     // ADC1 channel 3: ring (right)
        public const int SenseSourceGpio = 34;    // ADC1 channel 6: test source itself (ratiometric reference)

        /// <summary>nanoFramework AdcController channel numbers of the pins above (ESP32: channel n = ADC1 channel n).</summary>
        public const int SenseLeftAdcChannel = 0;
        public const int SenseRightAdcChannel = 3;
        public const int SenseSourceAdcChannel = 6;

        /// <summary>
        /// Sense front-end drive (hardware/sense-frontend.cir): test-source enable and the two low-range selects, plain
        /// outputs with no boot function, driven low (source off, switches open) as soon as they are opened; external
        /// pull-downs keep them off before that.
        /// </summary>
        public const int SenseSourceOn = 23;
        public const int SenseRangeLowLeft = 18;
        public const int SenseRangeLowRight = 19;

        /// <summary>
        /// Sense zoom selects (issue 12: ×5 gain of a channel's sense stage for loads below about 56 Ω). No other pin is
        /// left, so they use two strapping pins whose boot level is low (ESP32 datasheet §2.4: GPIO 12 = MTDI, low selects
        /// the 3.3 V flash supply of the WROOM-32; GPIO 2 must be low or floating for serial download): each has a
        /// 100 kΩ pull-down and drives only an analog switch's logic input, so the straps read low at reset and nothing
        /// switches while the ESP32 boots but a gain stage.
        /// </summary>
        public const int SenseZoomLeft = 12;
        public const int SenseZoomRight = 2;

        /// <summary>
        /// Load watch (rule S7, hardware/load-watch.cir): an impedance pin and a level pin per channel on ADC1. Only the
        /// left impedance pin has a pin of its own (GPIO 35, the last free ADC1 pin). The other three signals share the
        /// sense front end's ADC1 pins through the analog switch U408 (TS3A5018, select = the output relay's drive):
        /// relay open = sense (the only time it measures), relay closed = load watch (the only time it reads).
        /// Left level on SenseLeftGpio (36), right impedance on SenseRightGpio (39), right level on SenseSourceGpio (34).
        /// </summary>
        public const int LoadWatchZLeftGpio = 35;      // ADC1 channel 7
        public const int LoadWatchZLeftAdcChannel = 7;

        /// <summary>Jack insertion switch: closes to ground when a plug is in (internal pull-up; external 10 kΩ too).</summary>
        public const int JackSwitch = 27;

        /// <summary>Rotary encoder A/B and push (mute); second button. Inputs with pull-ups, switches to ground.</summary>
        public const int EncoderA = 32;
        public const int EncoderB = 33;
        public const int EncoderPush = 25;
        public const int Button2 = 26;

        /// <summary>
        /// PT2258 board: the volume chip's supply supervisor TPS3808G01DBVR, net VOL_SUPPLY_GOOD (hardware/pinmap.md).
        /// Its open-drain RESET output with a 100 kΩ pull-up to 3.3 V reads high once the chip's supply has been good for
        /// the reset delay (≥ 180 ms), low from a dip on (Core/Control/Controller.Supply.cs reads it every tick and every
        /// 1 ms sample). GPIO 13: no boot or strapping function (ESP32 datasheet §2.4), a plain input here.
        /// </summary>
        public const int VolumeSupplyGood = 13;

        /// <summary>
        /// Hardware watchdog feed (hardware/board/sheets/safety.txt, S8): a retriggerable monostable (74LVC1G123) keeps the
        /// output relay's coil supply on only while this pin gives it a rising edge at least every 29.5 ms (the shortest
        /// timeout over part tolerances; 31.6 ms nominal, hardware/README.md). One rising edge per control tick (write high,
        /// then low) feeds it. GPIO 14: not a strapping pin, the last output-capable pin left; it outputs a PWM signal while
        /// the ESP32 boots, which can only switch the coil supply on while the OutputRelay pin's pull-down still holds the
        /// relay off. 100 kΩ pull-down.
        /// </summary>
        public const int WatchdogFeed = 14;

        /// <summary>COM2 console (the chip's UART1: nanoFramework maps COMn to UART n−1) on the 3-pin header J302 (hardware/board/sheets/console.txt): TX 17, RX 16.</summary>
        public const int ConsoleTx = 17;
        public const int ConsoleRx = 16;
    }
}
