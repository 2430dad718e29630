using System.Collections.Generic;
using System.Linq;
using BoardGen.Model;

namespace BoardGen.Checks;

/// <summary>
/// The ESP32's pins on the board against firmware/AmpController.Esp32/BoardPins.cs and hardware/pinmap.md: every GPIO
/// net names the BoardPins constant it implements (fw=) and its direction (dir=); the constant has the same GPIO,
/// pinmap.md has a row with the same value and a matching direction; analog pins are on ADC1 with the right channel
/// number; outputs are not strapping (except a pulled-down non-relay output on a strap that boots low: GPIO 2, 12),
/// boot-toggling or input-only pins; every output has a pull-down so it is defined
/// while the ESP32 boots; every BoardPins GPIO appears exactly once on the board.
/// </summary>
public static class PinCheck
{
    // ESP32 datasheet section 2.4 strapping pins; 1/3 UART0 and 5/14/15 toggle or output PWM at boot; 34-39 input only.
    static readonly int[] Strapping = { 0, 2, 5, 12, 15 };
    // Straps whose boot level is low (GPIO 12 = MTDI: low selects the WROOM-32's 3.3 V flash supply; GPIO 2: low or
    // floating for serial download): a plain output that reaches no relay may sit there if a pull-down holds it low.
    static readonly int[] LowStraps = { 2, 12 };
    static readonly int[] BootActive = { 1, 3, 5, 14, 15 };
    static readonly int[] InputOnly = { 34, 35, 36, 37, 38, 39 };
    // docs/design.md section 5: ADC1 channels 0-7 are GPIO 36, 37, 38, 39, 32, 33, 34, 35.
    static readonly int[] Adc1Gpio = { 36, 37, 38, 39, 32, 33, 34, 35 };
    static readonly string[] NotGpio = { "I2cBusId" };

    public static List<Finding> Run(Board board, string repo)
    {
        var f = new List<Finding>();
        var pins = FirmwareFiles.BoardPins(repo);
        var pinmap = FirmwareFiles.Pinmap(repo);
        var esp = board.Parts.Values.Where(p => p.Type.Id == "ESP32_WROOM32").ToList();
        if (esp.Count != 1) { f.Add(new Finding("esp32", $"expected one ESP32 module, found {esp.Count}")); return f; }
        var index = board.PinIndex();
        var implemented = new Dictionary<string, List<int>>();
        foreach (var pin in esp[0].Type.Pins.Where(p => p.Name.StartsWith("IO")))
        {
            int gpio = int.Parse(pin.Name[2..]);
            if (!index.TryGetValue((esp[0].Ref, pin.Number), out var net)) continue;
            string dir = net.Attrs.GetValueOrDefault("dir", "");
            if (!net.Attrs.TryGetValue("fw", out var fw))
            {
                if (dir == "uart" && gpio is 1 or 3) continue; // UART0: nanoFramework's deployment/debug link (docs/design.md section 2)
                if (gpio == 0 && net.Nodes.Any(n => n.Part.Type.Id == "SW_TACT6")) continue; // BOOT button
                f.Add(new Finding("pin-unassigned", $"GPIO{gpio} drives net {net.Name} but the net names no BoardPins constant (fw=)"));
                continue;
            }
            implemented.TryAdd(fw, new List<int>());
            implemented[fw].Add(gpio);
            if (!pins.TryGetValue(fw, out int expected)) f.Add(new Finding("pin-not-in-boardpins", $"net {net.Name} implements {fw}, which BoardPins.cs does not define"));
            else if (expected != gpio) f.Add(new Finding("pin-mismatch", $"{fw}: BoardPins.cs says GPIO{expected}, the board wires GPIO{gpio} (net {net.Name})"));
            if (!pinmap.TryGetValue(fw, out var row)) f.Add(new Finding("pin-not-in-pinmap", $"hardware/pinmap.md has no row for {fw}"));
            else
            {
                if (row.Value != gpio.ToString()) f.Add(new Finding("pin-mismatch", $"{fw}: hardware/pinmap.md says {row.Value}, the board wires GPIO{gpio}"));
                if (!DirectionAgrees(dir, row.Direction)) f.Add(new Finding("pin-direction", $"{fw}: the board says dir={dir}, hardware/pinmap.md says '{row.Direction}'"));
            }
            if (dir == "analog" && !Adc1Gpio.Contains(gpio)) f.Add(new Finding("analog-not-adc1", $"{fw} on GPIO{gpio} is analog but not an ADC1 pin"));
            bool heldAtStrap = dir == "out" && LowStraps.Contains(gpio) && HasPullDown(board, net) && !DrivesRelay(board, net);
            if (dir is "out" or "od" or "uart" && (Strapping.Contains(gpio) || InputOnly.Contains(gpio)) && !heldAtStrap)
                f.Add(new Finding("bad-output-pin", $"{fw} drives from GPIO{gpio}, a strapping or input-only pin"));
            if (dir is "out" or "od" or "uart" && BootActive.Contains(gpio) && DrivesRelay(board, net))
                f.Add(new Finding("bad-output-pin", $"{fw} drives a relay from GPIO{gpio}, which toggles while the ESP32 boots"));
            if (dir == "out" && !HasPullDown(board, net))
                f.Add(new Finding("output-not-pulled-down", $"{fw} (net {net.Name}) has no pull-down to GND: undefined while the ESP32 boots"));
        }
        foreach (var (name, value) in pins)
        {
            if (NotGpio.Contains(name)) continue;
            if (name.EndsWith("AdcChannel"))
            {
                string gpioName = name[..^"AdcChannel".Length] + "Gpio";
                if (!pins.TryGetValue(gpioName, out int g)) f.Add(new Finding("adc-channel", $"{name} has no matching {gpioName}"));
                else if (System.Array.IndexOf(Adc1Gpio, g) != value) f.Add(new Finding("adc-channel", $"{name} = {value} but {gpioName} = GPIO{g} is ADC1 channel {System.Array.IndexOf(Adc1Gpio, g)}"));
                continue;
            }
            var unused = board.Sheets.SelectMany(s => s.UnusedPins).Select(kv => kv.Key).ToHashSet();
            if (!implemented.TryGetValue(name, out var gpios))
            {
                if (!unused.Contains(name)) f.Add(new Finding("pin-missing-on-board", $"BoardPins.{name} = {value} is wired to nothing on the board"));
                else if (!board.NoConnects.Contains(new Node(esp[0], esp[0].Type.FindPin("IO" + value)!)))
                    f.Add(new Finding("pin-unused-not-nc", $"BoardPins.{name} is unused on this board, but GPIO{value} is not marked not connected"));
            }
            else if (unused.Contains(name)) f.Add(new Finding("pin-unused-but-wired", $"BoardPins.{name} is declared unused on this board but wired"));
            else if (gpios.Count > 1) f.Add(new Finding("pin-twice", $"BoardPins.{name} is wired on GPIO {string.Join(", ", gpios)}"));
        }
        return f;
    }

    static bool DirectionAgrees(string dir, string pinmapDirection)
    {
        string d = pinmapDirection.ToLowerInvariant();
        return dir switch
        {
            "out" => d.StartsWith("output"),
            "in" => d.StartsWith("input"),
            "analog" => d.Contains("adc1"),
            "od" => d.Contains("open drain"),
            "uart" => d.Contains("uart"),
            _ => false,
        };
    }

    /// <summary>Whether the net switches a relay: a MOSFET gate on it (or behind one series resistor) whose drain is a
    /// relay coil's net.</summary>
    static bool DrivesRelay(Board board, Net net) =>
        Circuit.ThroughResistors(board, net, 1).SelectMany(n => n.Nodes).Where(n => n.Pin.Name == "G" && n.Part.Type.Id.Contains("MOS"))
            .Select(n => Circuit.PinNet(board, n.Part, "D")).Any(d => d != null && d.Nodes.Any(x => x.Part.Type.Id.StartsWith("RELAY") && x.Pin.Name.StartsWith("COIL")));

    /// <summary>A resistor from this net to GND, directly or behind one series resistor.</summary>
    public static bool HasPullDown(Board board, Net net) => Circuit.HasResistorTo(board, net, "GND", 1);
}
