using AmpController.Core.Acoustics;
using AmpController.Core.Devices;
using AmpController.Core.Storage;

namespace AmpController.Core.SerialConsole
{
    /// <summary>The shell's texts: help, status, profile lists.</summary>
    public sealed partial class ConsoleShell
    {
        private string LimitText()
        {
            string text = "limit " + _command.Number.ToString() + " dBA";
            if (_command.Number > Settings.DefaultLimitDbA)
                text += " (above " + Settings.DefaultLimitDbA.ToString() + " dBA only after the acknowledgment at the amplifier,"
                    + " S12; long listening at this level can harm hearing)";
            return text;
        }

        private static string AckLimitText(int dbA)
        {
            return "ackLimitDbA " + dbA.ToString() + " dBA: the acknowledged tier's limit; reached only after the warning at the cap"
                + " and a long press at the amplifier (S12), never from the console";
        }

        /// <summary>
        /// 'profile use MODEL': a stored profile from the built-in table. It lifts nothing by itself: a matching headphone
        /// gets it OFFERED, and only the long press at the amplifier confirms it (S12).
        /// </summary>
        private ConsoleReply ProfileUse(string model)
        {
            int row = HeadphoneLookup.Find(model);
            if (row == HeadphoneLookup.NotFound)
                return ConsoleReply.Error("no headphone '" + model + "' in the table; closest: " + HeadphoneLookup.ClosestNames(model, 3));
            StoredProfile profile = CatalogProfile.FromRow(row);
            SettingsResult valid = profile.Validate();
            if (valid != SettingsResult.Ok) return ConsoleReply.Error(HeadphoneLookup.Name(row) + ": " + ConsoleMessages.Explain(valid));
            return Edited(_settings.TryAddProfile(profile), "added " + Describe(profile) + " (" + HeadphoneLookup.Name(row) + ", "
                + HeadphoneLookup.Source(row) + "); offered when it is plugged, the long press at the amplifier confirms it (S12)");
        }

        private static string HelpText(string topic)
        {
            if (topic.Length == 0) return ConsoleHelp.Summary();
            string? detail = ConsoleHelp.Detail(topic);
            return detail != null ? detail : ConsoleHelp.Summary();
        }

        private string StatusText()
        {
            string text = "limit " + _settings.LimitDbA.ToString() + " dBA";
            if (_settings.EffectiveLimitDbA != _settings.LimitDbA)
                text += " (" + _settings.EffectiveLimitDbA.ToString() + " until acknowledged at the amplifier)";
            text += ", safe default " + _settings.SafeDefaultDbA.ToString() + " dBA, chip " + ChipName(_settings.VolumeChip)
                + ", " + _settings.ProfileCount.ToString() + " profile(s)" + (UnsavedChanges ? ", unsaved changes" : "");
            text += "\nacknowledged tier up to " + _settings.AckLimitDbA.ToString()
                + " dBA (after the warning at the cap and a long press at the amplifier, S12)";
            if (_procedure != null) text += "\n" + _procedure.Name + " waiting for 'ok' or 'cancel'";
            return text + "\n" + _store.Status.Describe() + "\n" + _actions.Describe();
        }

        private string ProfileListText()
        {
            if (_settings.ProfileCount == 0) return "no profiles";
            string text = "";
            for (int i = 0; i < _settings.ProfileCount; i++)
            {
                if (i > 0) text += "\n";
                text += Describe(_settings.GetProfile(i));
            }
            return text;
        }

        private static string Describe(StoredProfile p)
        {
            return Quoted(p.Name) + " " + ConsoleNumbers.FormatTenths(p.ImpedanceTenthsOhm) + " ohm "
                + ConsoleNumbers.FormatTenths(p.SensitivityTenthsDb) + " " + SensitivityUnits.Name(p.Unit);
        }

        /// <summary>A name as it is typed: in double quotes when it holds a space.</summary>
        private static string Quoted(string name)
        {
            return name.IndexOf(' ') >= 0 ? "\"" + name + "\"" : name;
        }

        private static string ChipName(VolumeChipChoice chip)
        {
            return VolumeChipKind.Of(chip).Name;
        }

        private static string SignedSteps(int steps)
        {
            return steps > 0 ? "+" + steps.ToString() : steps.ToString();
        }
    }
}
