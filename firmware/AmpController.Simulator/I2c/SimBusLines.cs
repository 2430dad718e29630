using AmpController.Core.Platform;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.I2c;

/// <summary>
/// SDA and SCL of the simulated bus as open-drain GPIO (Core's <see cref="IGpioLines"/>), for the bit-banged bus clear
/// and address probe (Core/Platform/I2cBusClear). Wired-AND levels: a line reads high unless the master or a device
/// holds it low. A stuck device holds SDA until a few SCL pulses let it finish its byte (UM10204 §3.1.16); after a
/// START the devices shift in the address on SCL's rising edges and the addressed one, if present and powered, pulls
/// SDA low for the ninth clock. Pins are opened and closed through the board's <see cref="SimGpioController"/>.
/// </summary>
public sealed class SimBusLines(SimI2cBus bus, SimGpioController gpio, int sdaPin, int sclPin) : IGpioLines
{
    /// <summary>SCL pulses a stuck device needs to finish its byte and let go of SDA (at most nine, UM10204 §3.1.16).</summary>
    public const int StuckReleaseClocks = 5;

    private bool _masterSdaLow, _masterSclLow;
    private bool _inAddress;
    private int _bitsClocked;
    private int _shift;
    private bool _ackPending, _ackDriving;
    private int _stuckClocks;

    public SimGpioController Gpio => gpio;

    public bool Open(int pin) => gpio.OpenPin(pin);

    public void Close(int pin)
    {
        Release(pin);
        gpio.ClosePin(pin);
    }

    public void DriveLow(int pin) => Set(pin, true);

    public void Release(int pin) => Set(pin, false);

    public bool IsHigh(int pin) => pin == sclPin ? !_masterSclLow : pin == sdaPin && SdaHigh;

    public void Delay(int microseconds) { }

    private bool SdaHigh => !_masterSdaLow && !_ackDriving && !bus.IsStuck;

    private void Set(int pin, bool low)
    {
        if (pin != sdaPin && pin != sclPin) return;
        bool sclBefore = !_masterSclLow, sdaBefore = SdaHigh;
        if (pin == sdaPin) _masterSdaLow = low;
        else _masterSclLow = low;
        bool scl = !_masterSclLow, sda = SdaHigh;
        if (pin == sclPin && scl && !sclBefore) ClockRose(sda);
        if (pin == sclPin && !scl && sclBefore) ClockFell();
        if (pin == sdaPin && scl && sclBefore && sda != sdaBefore)
        {
            _inAddress = !sda;     // SDA falling with SCL high: START; rising: STOP
            _bitsClocked = 0;
            _shift = 0;
            _ackPending = _ackDriving = false;
        }
    }

    private void ClockRose(bool sda)
    {
        if (bus.IsStuck && ++_stuckClocks >= StuckReleaseClocks)
        {
            _stuckClocks = 0;
            bus.ReleaseStuckLine();
        }
        if (!_inAddress) return;
        _bitsClocked++;
        if (_bitsClocked <= 8) _shift = (_shift << 1) | (sda ? 1 : 0);
        if (_bitsClocked == 8) _ackPending = (_shift & 1) == 0 && bus.AcknowledgesProbe(_shift >> 1);
    }

    private void ClockFell()
    {
        if (!_inAddress) return;
        if (_bitsClocked == 8 && _ackPending) _ackDriving = true;
        else if (_bitsClocked >= 9)
        {
            _ackDriving = false;
            _inAddress = false;
        }
    }
}
