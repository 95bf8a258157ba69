namespace ApprovalFlow.Web.Features.Jobs;

/// <summary>The background job server; bound from the <c>Jobs</c> section.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Workers per node: mail, reminders and timers are small jobs, and the web requests share the cores.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often scheduled jobs (timers, retries) are looked for; Hangfire's default is 15 s.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether Hangfire logs through the host's logging (yes, unless several hosts share the process).</summary>
    public bool LogThroughHost { get; set; } = true;

    /// <summary>The safety-net sweep of due timers, as a cron expression (every minute by default).</summary>
    public string TimerSweepCron { get; set; } = "* * * * *";

    /// <summary>The reminder sweep, as a cron expression (every minute by default; reminders fall on the hour).</summary>
    public string ReminderSweepCron { get; set; } = "* * * * *";

    /// <summary>The delivery of the notification outbox, as a cron expression (every minute by default).</summary>
    public string MailCron { get; set; } = "* * * * *";
}
