namespace AmpController.Core.Acoustics
{
    /// <summary>
    /// Headphones by name (issue 16 item 3): reads the generated <see cref="HeadphoneCatalog"/>. Names compare without
    /// case, spaces, hyphens and underscores ("hd600", "Sennheiser HD-600" and "sennheiser hd 600" are one model); a
    /// name without its maker (the first word) is found when only one model has it. Unknown names get the closest
    /// names by edit distance. For the console (`profile use NAME`) and `ampsim cap --model`: it allocates, never
    /// on the control tick.
    /// </summary>
    public static class HeadphoneLookup
    {
        public const int NotFound = -1;
        public const char Separator = '|';

        public static int Count { get { return HeadphoneCatalog.Count; } }

        public static string Name(int index)
        {
            return Entry(HeadphoneCatalog.Models, index);
        }

        public static string Source(int index)
        {
            return Entry(HeadphoneCatalog.Sources, HeadphoneCatalog.SourceIndex[index]);
        }

        /// <summary>The maker's nominal impedance in ohms.</summary>
        public static double NominalOhm(int index)
        {
            return HeadphoneCatalog.ImpedanceTenthsOhm[index] / 10.0;
        }

        /// <summary>The maker's figure, in <see cref="Unit"/>.</summary>
        public static double Sensitivity(int index)
        {
            return HeadphoneCatalog.SensitivityTenthsDb[index] / 10.0;
        }

        public static SensitivityUnit Unit(int index)
        {
            return HeadphoneCatalog.UnitIsDbPerV[index] ? SensitivityUnit.DbPerV : SensitivityUnit.DbPerMw;
        }

        /// <summary>Sensitivity in dB/V at the nominal impedance (docs/design.md §5).</summary>
        public static double DbPerV(int index)
        {
            return AcousticMath.ToDbPerV(Sensitivity(index), Unit(index), NominalOhm(index));
        }

        /// <summary>The row of a name: the whole name first, then the name without its maker if only one row has it.</summary>
        public static int Find(string name)
        {
            string key = Key(name);
            if (key.Length == 0) return NotFound;
            int withoutMaker = NotFound;
            int withoutMakerCount = 0;
            for (int i = 0; i < Count; i++)
            {
                string full = Name(i);
                if (Key(full) == key) return i;
                if (Key(WithoutMaker(full)) == key)
                {
                    withoutMaker = i;
                    withoutMakerCount++;
                }
            }
            return withoutMakerCount == 1 ? withoutMaker : NotFound;
        }

        /// <summary>
        /// The <paramref name="count"/> rows closest to <paramref name="name"/> (edit distance of the compared forms,
        /// with or without the maker, whichever is closer; 0 for a name that contains the query, so "DT 770 Pro" suggests
        /// its three impedances first), closest first; ties keep the table's order.
        /// </summary>
        public static int[] Closest(string name, int count)
        {
            if (count > Count) count = Count;
            if (count < 0) count = 0;
            string key = Key(name);
            int[] distance = new int[Count];
            for (int i = 0; i < Count; i++)
            {
                string full = Key(Name(i));
                int a = EditDistance(key, full);
                int b = EditDistance(key, Key(WithoutMaker(Name(i))));
                distance[i] = key.Length > 0 && full.IndexOf(key) >= 0 ? 0 : a < b ? a : b;
            }
            int[] best = new int[count];
            bool[] taken = new bool[Count];
            for (int k = 0; k < count; k++)
            {
                int pick = -1;
                for (int i = 0; i < Count; i++)
                    if (!taken[i] && (pick < 0 || distance[i] < distance[pick])) pick = i;
                taken[pick] = true;
                best[k] = pick;
            }
            return best;
        }

        /// <summary>The closest names joined for a message: "A, B or C".</summary>
        public static string ClosestNames(string name, int count)
        {
            int[] rows = Closest(name, count);
            string text = "";
            for (int k = 0; k < rows.Length; k++)
            {
                if (k > 0) text += k == rows.Length - 1 ? " or " : ", ";
                text += Name(rows[k]);
            }
            return text;
        }

        /// <summary>The compared form of a name: ASCII lower case without spaces, hyphens and underscores.</summary>
        public static string Key(string text)
        {
            if (text == null) return "";
            char[] buffer = new char[text.Length];
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ' || c == '-' || c == '_' || c == '\t') continue;
                if (c >= 'A' && c <= 'Z') c = (char)(c + ('a' - 'A'));
                buffer[n++] = c;
            }
            return new string(buffer, 0, n);
        }

        /// <summary>The model without its maker (the first word): "Sennheiser HD 600" is "HD 600".</summary>
        public static string WithoutMaker(string name)
        {
            int space = name.IndexOf(' ');
            return space < 0 ? name : name.Substring(space + 1);
        }

        /// <summary>The index-th entry of a '|'-separated list ("" when out of range).</summary>
        private static string Entry(string joined, int index)
        {
            int start = 0;
            for (int k = 0; k < index; k++)
            {
                int bar = joined.IndexOf(Separator, start);
                if (bar < 0) return "";
                start = bar + 1;
            }
            int end = joined.IndexOf(Separator, start);
            return end < 0 ? joined.Substring(start) : joined.Substring(start, end - start);
        }

        /// <summary>Levenshtein distance (insert, delete, replace: 1 each), two rows.</summary>
        private static int EditDistance(string a, string b)
        {
            int[] previous = new int[b.Length + 1];
            int[] current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) previous[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int replace = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    int delete = previous[j] + 1;
                    int insert = current[j - 1] + 1;
                    int m = replace < delete ? replace : delete;
                    current[j] = m < insert ? m : insert;
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.Length];
        }
    }
}
