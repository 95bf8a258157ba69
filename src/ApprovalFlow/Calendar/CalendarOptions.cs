namespace ApprovalFlow.Calendar;

/// <summary>The business calendar's settings, bound from the <c>Calendar</c> section.</summary>
public sealed class CalendarOptions
{
    public const string SectionName = "Calendar";

    /// <summary>The local hour (0–23) at which a due date falls: the end of the working day by default.</summary>
    public int DueHour { get; set; } = 17;

    /// <summary>The zone whose dates are counted (IANA id).</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>
    /// How long a node trusts its cached table before reading it again. An edit reloads the editing node at once;
    /// this bounds how long the other nodes of a farm keep counting by the old table.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
