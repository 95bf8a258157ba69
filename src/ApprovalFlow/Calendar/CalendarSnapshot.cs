namespace ApprovalFlow.Calendar;

/// <summary>
/// The business calendar frozen at one reading of the holiday table: two sorted arrays of day numbers, searched in
/// place. Immutable, so that any number of threads use it at once; nothing here allocates or reads the database,
/// because the reminder sweep asks it about every open item.
/// </summary>
public sealed class CalendarSnapshot : IBusinessCalendar
{
    /// <summary>Weekdays off, as <see cref="DateOnly.DayNumber"/>s, ascending.</summary>
    private readonly int[] daysOff;

    /// <summary>Saturdays and Sundays worked, ascending.</summary>
    private readonly int[] workingDays;

    private readonly TimeZoneInfo zone;
    private readonly TimeOnly dueTime;

    /// <summary>
    /// Rows that would change nothing (a day off on a weekend, a working weekday) are dropped here, so that the
    /// counting below may assume each array holds only real exceptions.
    /// </summary>
    public CalendarSnapshot(IEnumerable<CalendarDay> days, TimeZoneInfo zone, int dueHour)
    {
        ArgumentNullException.ThrowIfNull(days);
        var rows = days.ToList();
        daysOff = [.. rows.Where(d => d.Kind == CalendarDayKind.DayOff && IsWeekday(d.Date.DayNumber)).Select(d => d.Date.DayNumber).Distinct().Order()];
        workingDays = [.. rows.Where(d => d.Kind == CalendarDayKind.WorkingDay && !IsWeekday(d.Date.DayNumber)).Select(d => d.Date.DayNumber).Distinct().Order()];
        this.zone = zone;
        dueTime = new TimeOnly(dueHour, 0);
    }

    /// <summary>A calendar of <paramref name="days"/> with the zone and due hour of <paramref name="options"/>.</summary>
    public static CalendarSnapshot Create(IEnumerable<CalendarDay> days, CalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(days, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone), options.DueHour);
    }

    public bool IsBusinessDay(DateOnly date) => IsBusinessDay(date.DayNumber);

    /// <remarks>Due periods are a few days: stepping a day at a time is cheap and obviously right.</remarks>
    public DateOnly AddBusinessDays(DateOnly date, int days)
    {
        var day = date.DayNumber;
        var step = days < 0 ? -1 : 1;
        if (days == 0)
        {
            while (!IsBusinessDay(day))
            {
                day++;
            }
        }

        for (var left = days; left != 0;)
        {
            day += step;
            if (IsBusinessDay(day))
            {
                left -= step;
            }
        }

        return DateOnly.FromDayNumber(day);
    }

    /// <remarks>Constant time whatever the span: weekdays by arithmetic, the table's exceptions by binary search.</remarks>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -BusinessDaysBetween(to, from);
        }

        // The days counted are those after `from` up to and including `to`: numbers from+1 … to.
        int first = from.DayNumber + 1, end = to.DayNumber + 1;
        return WeekdaysBefore(end) - WeekdaysBefore(first)
            - (CountBefore(daysOff, end) - CountBefore(daysOff, first))
            + (CountBefore(workingDays, end) - CountBefore(workingDays, first));
    }

    public DateTimeOffset DueAt(DateTimeOffset from, int days)
    {
        var local = AddBusinessDays(LocalDate(from), days).ToDateTime(dueTime);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public DateTimeOffset At(DateOnly date, int hour)
    {
        var local = date.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>Day number 0 (1 January of year 1) was a Monday, so a day's place in its week is its number modulo 7.</summary>
    private static bool IsWeekday(int dayNumber) => dayNumber % 7 < 5;

    /// <summary>How many weekdays have a day number below <paramref name="dayNumber"/>.</summary>
    private static int WeekdaysBefore(int dayNumber) => (dayNumber / 7 * 5) + Math.Min(dayNumber % 7, 5);

    /// <summary>How many of <paramref name="sorted"/> lie below <paramref name="dayNumber"/>.</summary>
    private static int CountBefore(int[] sorted, int dayNumber)
    {
        var index = Array.BinarySearch(sorted, dayNumber);
        return index >= 0 ? index : ~index;
    }

    private bool IsBusinessDay(int dayNumber) =>
        IsWeekday(dayNumber) ? Array.BinarySearch(daysOff, dayNumber) < 0 : Array.BinarySearch(workingDays, dayNumber) >= 0;
}
