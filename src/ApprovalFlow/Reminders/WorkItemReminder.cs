namespace ApprovalFlow.Reminders;

/// <summary>
/// One reminder a work item is due to get (nhắc việc): the database holds what is due and what was sent, so a
/// reminder is sent once across restarts and nodes; Hangfire only runs the sweep that sends them.
/// </summary>
public sealed class WorkItemReminder
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid WorkItemId { get; init; }

    public ReminderKind Kind { get; init; }

    /// <summary>1, 2, 3… for the overdue reminders; 1 for the others.</summary>
    public int Number { get; init; }

    /// <summary>When it is due, as UTC ticks: an integer orders and compares the same on SQLite and PostgreSQL.</summary>
    public long DueAtUtcTicks { get; init; }

    /// <summary>Set once, by the sweep that sent it; never sent twice.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The sweep that won this row: how a sweep learns which of its batch it sent, in one statement.</summary>
    public Guid? SentBySweep { get; set; }

    public DateTimeOffset DueAt => new(DueAtUtcTicks, TimeSpan.Zero);
}

/// <summary>Why a reminder goes out (DESIGN §3.5).</summary>
public enum ReminderKind
{
    /// <summary>Sắp đến hạn: some business days before due.</summary>
    BeforeDue = 0,

    /// <summary>Đến hạn hôm nay.</summary>
    DueDay = 1,

    /// <summary>Quá hạn: every business day while overdue, up to a cap.</summary>
    Overdue = 2,

    /// <summary>Báo cáo lãnh đạo: the item has been overdue for some business days.</summary>
    Escalation = 3,
}
