namespace ApprovalFlow.Calendar;

/// <summary>What a row of the holiday table does to its date.</summary>
public enum CalendarDayKind
{
    /// <summary>A weekday off (ngày nghỉ): a public holiday, a day of Tết, a day off swapped or made up.</summary>
    DayOff,

    /// <summary>A Saturday or Sunday worked (ngày làm bù) in exchange for a weekday off.</summary>
    WorkingDay,
}

/// <summary>
/// One row of the holiday table the administrators keep: a date that departs from the Monday-to-Friday week.
/// The rows, not code, say which days are off, because Tết and the swapped Saturdays change every year by notice.
/// </summary>
public sealed class CalendarDay
{
    /// <summary>The longest <see cref="Name"/> stored.</summary>
    public const int NameMaxLength = 200;

    /// <summary>The date; at most one row per date.</summary>
    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    /// <summary>In Vietnamese, as the notice names it, e.g. "Tết Nguyên đán", "Làm bù cho ngày 02/05/2025".</summary>
    public string Name { get; set; } = "";
}
