namespace AmpController.Core.Service
{
    /// <summary>
    /// The self-test's pass/fail table: one row per check with its verdict (PASS, FAIL, or INFO for a figure the
    /// platform cannot judge) and what was seen. At most <see cref="MaxRows"/> rows, kept as text (no allocation per
    /// period beyond the row strings themselves).
    /// </summary>
    public sealed class SelfTestTable
    {
        public const int MaxRows = 12;
        public const string Pass = "PASS";
        public const string Fail = "FAIL";
        public const string Info = "INFO";

        private const int NameWidth = 14;

        private readonly string[] _names = new string[MaxRows];
        private readonly string[] _verdicts = new string[MaxRows];
        private readonly string[] _details = new string[MaxRows];

        public int Count { get; private set; }
        public int Failed { get; private set; }

        /// <summary>Adds a row; returns it as one line for printing as the test goes.</summary>
        public string Add(string name, string verdict, string detail)
        {
            if (Count == MaxRows) return "";
            _names[Count] = name;
            _verdicts[Count] = verdict;
            _details[Count] = detail;
            if (verdict == Fail) Failed++;
            Count++;
            return Row(Count - 1);
        }

        public string Verdict(int row) { return _verdicts[row]; }
        public string Name(int row) { return _names[row]; }
        public string Detail(int row) { return _details[row]; }

        /// <summary>The whole table with a header and the overall verdict.</summary>
        public string Render()
        {
            string text = Header();
            for (int i = 0; i < Count; i++) text += "\n" + Row(i);
            return text + "\n" + Summary();
        }

        /// <summary>The column heads (the console prints them, then each row as its check finishes).</summary>
        public static string Header()
        {
            return Pad("check") + " result  detail";
        }

        /// <summary>The overall verdict: PASS when no row failed (INFO rows are figures, not verdicts).</summary>
        public string Summary()
        {
            return "selftest: " + (Failed == 0 ? "PASS" : "FAIL (" + Failed.ToString() + " of " + Count.ToString() + " checks)");
        }

        private string Row(int i)
        {
            return Pad(_names[i]) + " " + _verdicts[i] + "    " + _details[i];
        }

        private static string Pad(string name)
        {
            string text = name;
            while (text.Length < NameWidth) text += " ";
            return text;
        }
    }
}
