namespace AmpController.Core.SerialConsole
{
    public enum ConsoleCommandKind
    {
        /// <summary>Empty line: nothing to do.</summary>
        None = 0,
        Help,
        Status,
        Limit,
        SafeDefault,
        ProfileAdd,
        ProfileList,
        ProfileDelete,
        Save,
        Chip,
        Mute,
        Unmute,
        Volume,
        /// <summary>'safemode off': leave the S8 safe mode (clears the boot-loop counter).</summary>
        LeaveSafeMode,
        /// <summary>Firmware and nanoFramework package versions.</summary>
        Version,
        /// <summary>The board self-test (issue 15): a pass/fail table, then the safe state.</summary>
        SelfTest,
        /// <summary>The guided factory calibration of the sense circuit.</summary>
        Calibrate,
        /// <summary>'ok': the operator confirms the step a procedure asked for (e.g. the calibration plug is in).</summary>
        Confirm,
        /// <summary>'cancel': stops the procedure under way; nothing it measured is kept.</summary>
        Cancel,
        /// <summary>'dose': the weekly sound dose (S13, issue 16).</summary>
        Dose,
        /// <summary>'profile use NAME': a profile from the built-in headphone table (offered by S12, confirmed by the long press).</summary>
        ProfileUse,
        /// <summary>'set ackLimitDbA N': the acknowledged tier's limit, 85-100 dBA (S12).</summary>
        AckLimit,
    }
}
