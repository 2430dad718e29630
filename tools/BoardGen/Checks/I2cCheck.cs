using System.Collections.Generic;
using System.Linq;
using BoardGen.Model;

namespace BoardGen.Checks;

/// <summary>
/// I2C addresses set by the address pins on the board against the firmware (Core/Devices/ReferenceAddresses and each driver's
/// address range, docs/design.md section 6); every chip on the ESP32's I2C nets (directly or through a BSS138 level
/// shifter); no two chips on one address.
/// </summary>
public static class I2cCheck
{
    sealed record Chip(string TypeId, string Driver, int Base, string[] Pins, string BoardConstant, string RangeFirst, string? RangeLast);

    // DS1882: 0101 A2 A1 A0; TCA9534: 0100 A2 A1 A0; PT2258: 1000 CODE1 CODE2 (7-bit 0x40 + 4 CODE1 + 2 CODE2).
    static readonly Chip[] Chips =
    {
        new("VOL_DS1882", "Ds1882", 0x28, new[] { "A2", "A1", "A0" }, "VolumeChipAddress", "FirstAddress", "LastAddress"),
        new("EXPANDER_TCA9534", "Tca9534", 0x20, new[] { "A2", "A1", "A0" }, "ExpanderAddress", "FirstAddress", "LastAddress"),
        new("VOL_PT2258", "Pt2258", 0x40, new[] { "CODE1", "CODE2", "" }, "Pt2258Address", "BaseAddress", null),
    };

    public static List<Finding> Run(Board board, string repo)
    {
        var f = new List<Finding>();
        var constants = FirmwareFiles.BoardAddresses(repo);
        var used = new Dictionary<int, string>();
        foreach (var part in board.Parts.Values.OrderBy(p => p.Ref))
        {
            var chip = Chips.FirstOrDefault(c => c.TypeId == part.Type.Id);
            if (chip == null) continue;
            int address = chip.Base;
            for (int bit = 0; bit < chip.Pins.Length; bit++)
            {
                if (chip.Pins[bit] == "") continue;
                var net = Circuit.PinNet(board, part, chip.Pins[bit]);
                int weight = 1 << (chip.Pins.Length - 1 - bit);
                if (net?.Name == "GND") continue;
                if (net != null && net.IsSupply) address += weight;
                else f.Add(new Finding("i2c-address-pin", $"{part.Ref}.{chip.Pins[bit]} is on {net?.Name ?? "nothing"}, neither GND nor a supply"));
            }
            if (!constants.TryGetValue(chip.BoardConstant, out int expected)) f.Add(new Finding("i2c-address", $"ReferenceAddresses.cs has no {chip.BoardConstant}"));
            else if (expected != address) f.Add(new Finding("i2c-address", $"{part.Ref} answers at 0x{address:X2}, the firmware (ReferenceAddresses.{chip.BoardConstant}) uses 0x{expected:X2}"));
            int first = FirmwareFiles.DriverConstant(repo, chip.Driver, chip.RangeFirst);
            int last = chip.RangeLast == null ? first + 6 : FirmwareFiles.DriverConstant(repo, chip.Driver, chip.RangeLast);
            if (address < first || address > last) f.Add(new Finding("i2c-address", $"{part.Ref} at 0x{address:X2} is outside the {chip.Driver} driver's range 0x{first:X2}-0x{last:X2}"));
            if (used.TryGetValue(address, out var other)) f.Add(new Finding("i2c-address", $"{part.Ref} and {other} both answer at 0x{address:X2}"));
            used[address] = part.Ref;
            foreach (var (pin, bus) in new[] { ("SDA", "I2C_SDA"), ("SCL", "I2C_SCL") })
                if (!OnBus(board, Circuit.PinNet(board, part, pin), bus)) f.Add(new Finding("i2c-bus", $"{part.Ref}.{pin} does not reach {bus}"));
        }
        return f;
    }

    static bool OnBus(Board board, Net? net, string bus)
    {
        if (net == null) return false;
        if (net.Name == bus) return true;
        var shifter = net.Nodes.Where(n => n.Part.Type.Id == "NMOS_BSS138" && n.Pin.Name == "D").Select(n => n.Part).FirstOrDefault();
        return shifter != null && Circuit.PinNet(board, shifter, "S")?.Name == bus;
    }
}
