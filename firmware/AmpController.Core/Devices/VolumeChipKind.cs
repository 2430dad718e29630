using AmpController.Core.Acoustics;
using AmpController.Core.Platform;
using AmpController.Core.Storage;

namespace AmpController.Core.Devices
{
    /// <summary>
    /// The volume chips the board takes (docs/design.md §2, §6), each described once (issue 17): the stored choice, the
    /// name the console, the trace and the scenarios use, the attenuator's steps (its driver's deepest level), the
    /// reference board's address, whether the chip is write-only, whether the board watches its supply (issue 19: the
    /// PT2258's supervisor), and how its driver is made. The choice is made once per boot, from the stored settings
    /// (Composition/AmpBuilder); everything else asks the descriptor.
    /// </summary>
    public sealed class VolumeChipKind
    {
        public readonly VolumeChipChoice Choice;
        public readonly AttenuatorProfile Attenuator;
        /// <summary>The chip's 7-bit I2C address on the reference board (<see cref="ReferenceAddresses"/>).</summary>
        public readonly int Address;
        /// <summary>True when nothing can be read back (PT2258): Verify rewrites the state instead (S6).</summary>
        public readonly bool WriteOnly;
        /// <summary>True when the board has a supply supervisor for this chip (ControllerPorts.VolumeSupplyGood).</summary>
        public readonly bool SupplySupervised;

        /// <summary>DS1882: powers up muted, answers at once, read back every supervision period (S6).</summary>
        public static readonly VolumeChipKind Ds1882 = new VolumeChipKind(VolumeChipChoice.Ds1882, AttenuatorProfile.Ds1882,
            ReferenceAddresses.VolumeChipAddress, false, false);

        /// <summary>PT2258: write-only, ignores writes for its power-up window, its supply watched by the supervisor.</summary>
        public static readonly VolumeChipKind Pt2258 = new VolumeChipKind(VolumeChipChoice.Pt2258, AttenuatorProfile.Pt2258,
            ReferenceAddresses.Pt2258Address, true, true);

        private static readonly VolumeChipKind[] All = { Ds1882, Pt2258 };

        private VolumeChipKind(VolumeChipChoice choice, AttenuatorProfile attenuator, int address, bool writeOnly,
            bool supplySupervised)
        {
            Choice = choice;
            Attenuator = attenuator;
            Address = address;
            WriteOnly = writeOnly;
            SupplySupervised = supplySupervised;
        }

        /// <summary>"DS1882", "PT2258": the console's, the trace's and the scenarios' spelling.</summary>
        public string Name { get { return Attenuator.Name; } }

        /// <summary>The descriptor of a stored choice, or null for a value no chip has.</summary>
        public static VolumeChipKind? Find(VolumeChipChoice choice)
        {
            for (int i = 0; i < All.Length; i++) if (All[i].Choice == choice) return All[i];
            return null;
        }

        /// <summary>The descriptor of a stored choice; an unknown value (corrupt settings) gives the DS1882, the default.</summary>
        public static VolumeChipKind Of(VolumeChipChoice choice)
        {
            VolumeChipKind? found = Find(choice);
            return found != null ? found : Ds1882;
        }

        /// <summary>The descriptor for a chip name (ASCII case ignored), or null when unknown.</summary>
        public static VolumeChipKind? Named(string? name)
        {
            if (name == null) return null;
            string upper = name.ToUpper();
            for (int i = 0; i < All.Length; i++) if (All[i].Name == upper) return All[i];
            return null;
        }

        /// <summary>The chip's driver on <paramref name="bus"/> at the reference address.</summary>
        /// <param name="powerOnAtMs">When the chip got power (the MCU's start: both share the supply on the reference board).</param>
        public IVolumeChip CreateDriver(IRegisterBus bus, IClock clock, long powerOnAtMs)
        {
            if (Choice == VolumeChipChoice.Pt2258) return new Devices.Pt2258(bus, Address, clock, powerOnAtMs);
            return new Devices.Ds1882(bus, Address);
        }
    }
}
