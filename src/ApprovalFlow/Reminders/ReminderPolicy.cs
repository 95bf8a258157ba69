using ApprovalFlow.Calendar;

namespace ApprovalFlow.Reminders;

/// <summary>
/// When a work item's reminders fall, from its due date: a human task's inputs, with DESIGN §3.5's defaults — two
/// business days before, on the due day, every business day while overdue (at most <see cref="OverdueCap"/>), and an
/// escalation to <see cref="EscalateToRole"/> after <see cref="EscalateAfterDays"/> business days overdue.
/// </summary>
public sealed record ReminderPolicy(int? BeforeDays = 2, bool OnDueDay = true, int OverdueCap = 5, int? EscalateAfterDays = 3, string? EscalateToRole = Identity.Roles.AgencyHead)
{
    /// <summary>The local hour reminders go out at: the start of the working day.</summary>
    public const int ReminderHour = 8;

    /// <summary>The reminders of an item due at <paramref name="dueAt"/> and opened at <paramref name="openedAt"/>; none before it opened.</summary>
    public IEnumerable<WorkItemReminder> ScheduleFor(Guid workItemId, DateTimeOffset openedAt, DateTimeOffset dueAt, IBusinessCalendar calendar)
    {
        var dueDate = calendar.LocalDate(dueAt);
        var reminders = new List<(ReminderKind Kind, int Number, DateTimeOffset At)>();
        if (BeforeDays is > 0 and var before)
        {
            reminders.Add((ReminderKind.BeforeDue, 1, calendar.At(calendar.AddBusinessDays(dueDate, -before), ReminderHour)));
        }

        if (OnDueDay)
        {
            reminders.Add((ReminderKind.DueDay, 1, calendar.At(dueDate, ReminderHour)));
        }

        for (var day = 1; day <= OverdueCap; day++)
        {
            reminders.Add((ReminderKind.Overdue, day, calendar.At(calendar.AddBusinessDays(dueDate, day), ReminderHour)));
        }

        if (EscalateAfterDays is > 0 and var after && EscalateToRole is not null)
        {
            reminders.Add((ReminderKind.Escalation, 1, calendar.At(calendar.AddBusinessDays(dueDate, after), ReminderHour)));
        }

        return reminders.Where(r => r.At > openedAt).Select(r => new WorkItemReminder
        {
            WorkItemId = workItemId,
            Kind = r.Kind,
            Number = r.Number,
            DueAtUtcTicks = r.At.UtcTicks,
        });
    }
}
