namespace AmpController.Core.Dose
{
    /// <summary>
    /// The console's `dose` text (S13, issue 16): the weekly dose in percent of the ITU-T H.870 allowance, how many hours
    /// at the level now playing the rest of the allowance lasts, and the 7-day window summed per day (oldest first, the
    /// running hour in the last day). Allocates strings: console time only.
    /// </summary>
    public static class DoseSummary
    {
        public const int Days = 7;

        /// <summary><paramref name="levelDbA"/> is the programme level counted now, NaN when nothing plays (relay open, muted).</summary>
        public static string Describe(DoseMeter meter, double levelDbA)
        {
            double percent = meter.WeeklyFraction * 100.0;
            string text = "dose " + percent.ToString("F1") + " % of the weekly allowance (ITU-T H.870: 80 dBA for 40 h in 7 days)";
            if (double.IsNaN(levelDbA)) text += "; nothing playing now";
            else
            {
                text += "; now " + levelDbA.ToString("F1") + " dBA";
                if (meter.WeeklyFraction >= 1.0) text += ": the allowance is used up (LED 2 on; no acknowledged tier until it drops)";
                else text += ": " + HoursLeft(meter.WeeklyFraction, levelDbA).ToString("F1") + " h at this level reach 100 %";
            }
            return text + "\nlast 7 days, % per day (oldest first): " + DayList(meter);
        }

        /// <summary>Hours of listening at <paramref name="levelDbA"/> before the window reaches 100 %.</summary>
        public static double HoursLeft(double weeklyFraction, double levelDbA)
        {
            double left = 1.0 - weeklyFraction;
            return left <= 0 ? 0 : left * DoseMath.HoursToFullAllowance(levelDbA);
        }

        /// <summary>Percent per day of the window: day d (0 = the oldest) sums hours 24·(6−d)+1 … 24·(7−d) ago.</summary>
        public static double DayPercent(DoseMeter meter, int day)
        {
            long ppm = 0;
            int newest = Days - 1 - day;
            for (int h = newest * 24; h < newest * 24 + 24; h++)
                if (h >= 1) ppm += meter.HourPpm(h);
            double percent = ppm * 100.0 / DoseMeter.PartsPerMillion;
            if (day == Days - 1) percent += meter.RunningFraction * 100.0;
            return percent;
        }

        private static string DayList(DoseMeter meter)
        {
            string text = "";
            for (int d = 0; d < Days; d++) text += (d > 0 ? " " : "") + DayPercent(meter, d).ToString("F1");
            return text;
        }
    }
}
