using AmpController.Core.Acoustics;

namespace AmpController.Core.Storage
{
    /// <summary>
    /// A stored profile made from a row of the built-in headphone table (`profile use NAME`, issue 16): the maker's
    /// nominal impedance and sensitivity with its unit, under a storable name. Like any stored profile it is only
    /// OFFERED when a matching load is measured; the long press at the amplifier confirms it (S12). Allocates.
    /// </summary>
    public static class CatalogProfile
    {
        /// <summary>The table row as a stored profile (validate it before storing: StoredProfile.Validate).</summary>
        public static StoredProfile FromRow(int row)
        {
            return new StoredProfile(ShortName(HeadphoneLookup.Name(row)), HeadphoneCatalog.ImpedanceTenthsOhm[row],
                HeadphoneCatalog.SensitivityTenthsDb[row], HeadphoneLookup.Unit(row));
        }

        /// <summary>
        /// A storable name for a model: without its maker, only name characters (StoredProfile.IsNameChar) and single
        /// spaces; when longer than 16 characters without its spaces, then cut to 16 ("DT 770 Pro 250 ohm" is
        /// "DT770Pro250ohm").
        /// </summary>
        public static string ShortName(string model)
        {
            string name = Clean(HeadphoneLookup.WithoutMaker(model), true);
            if (name.Length > StoredProfile.MaxNameLength) name = Clean(name, false);
            if (name.Length > StoredProfile.MaxNameLength) name = name.Substring(0, StoredProfile.MaxNameLength);
            return name.Length == 0 ? "headphone" : name;
        }

        private static string Clean(string text, bool keepSpaces)
        {
            char[] buffer = new char[text.Length];
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (StoredProfile.IsNameChar(c)) buffer[n++] = c;
                else if (c == ' ' && keepSpaces && n > 0 && buffer[n - 1] != ' ') buffer[n++] = ' ';
            }
            while (n > 0 && buffer[n - 1] == ' ') n--;
            return new string(buffer, 0, n);
        }
    }
}
