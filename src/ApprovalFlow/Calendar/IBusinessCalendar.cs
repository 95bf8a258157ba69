namespace ApprovalFlow.Calendar;

/// <summary>
/// Working days in Vietnam (ngày làm việc): Monday to Friday, minus the days off in the holiday table, plus the
/// Saturdays it makes working days (ngày làm bù). Due dates and reminders count these, at a local hour in
/// <c>Asia/Ho_Chi_Minh</c>.
/// </summary>
public interface IBusinessCalendar
{
    /// <summary>Whether <paramref name="date"/> is a working day.</summary>
    bool IsBusinessDay(DateOnly date);

    /// <summary>
    /// The working day <paramref name="days"/> working days after (or, when negative, before) <paramref name="date"/>;
    /// zero gives <paramref name="date"/> itself when it is a working day, otherwise the next one.
    /// </summary>
    DateOnly AddBusinessDays(DateOnly date, int days);

    /// <summary>How many working days lie after <paramref name="from"/> up to and including <paramref name="to"/> (negative when <paramref name="to"/> is earlier).</summary>
    int BusinessDaysBetween(DateOnly from, DateOnly to);

    /// <summary>The moment at the configured local hour, <paramref name="days"/> working days after the local date of <paramref name="from"/>.</summary>
    DateTimeOffset DueAt(DateTimeOffset from, int days);

    /// <summary>The local (Vietnam) date of an instant.</summary>
    DateOnly LocalDate(DateTimeOffset instant);

    /// <summary>The instant of <paramref name="hour"/> o'clock local time on <paramref name="date"/>.</summary>
    DateTimeOffset At(DateOnly date, int hour);
}
