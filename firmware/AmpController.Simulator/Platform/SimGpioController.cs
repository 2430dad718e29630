using System.Collections.Generic;

namespace AmpController.Simulator.Platform;

/// <summary>
/// nanoFramework's GpioController as far as its pin bookkeeping goes (docs/design.md §3a): OpenPin puts the pin in a
/// static list and fails for a pin already in it; only ClosePin takes it out. GpioPin.Dispose releases the managed
/// object but leaves the pin listed, so opening and disposing in a loop leaks (about 0.2 KB a pin, issue 13) and the
/// next OpenPin of that pin fails. Tests read <see cref="OpenPins"/> and <see cref="LeakedPins"/>.
/// </summary>
public sealed class SimGpioController
{
    /// <summary>Heap a pin left in the list keeps (GpioPin object and its native entry), as issue 13 measured.</summary>
    public const int BytesPerLeakedPin = 200;

    private readonly HashSet<int> _open = new();
    private readonly HashSet<int> _disposedButListed = new();

    public int OpenCalls { get; private set; }
    public int CloseCalls { get; private set; }

    /// <summary>OpenPin calls that failed because the pin was still listed.</summary>
    public int FailedOpens { get; private set; }

    /// <summary>Pins in the controller's list right now.</summary>
    public int OpenPins => _open.Count;

    /// <summary>Pins disposed without ClosePin: still listed, unusable, their memory gone for good.</summary>
    public int LeakedPins => _disposedButListed.Count;

    public bool IsPinOpen(int pin) => _open.Contains(pin);

    public bool OpenPin(int pin)
    {
        if (!_open.Add(pin))
        {
            FailedOpens++;
            return false;
        }
        OpenCalls++;
        return true;
    }

    public void ClosePin(int pin)
    {
        if (!_open.Remove(pin)) return;
        _disposedButListed.Remove(pin);
        CloseCalls++;
    }

    /// <summary>GpioPin.Dispose without ClosePin: the pin stays in the list.</summary>
    public void DisposePin(int pin)
    {
        if (_open.Contains(pin)) _disposedButListed.Add(pin);
    }
}
