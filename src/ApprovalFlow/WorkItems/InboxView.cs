namespace ApprovalFlow.WorkItems;

/// <summary>
/// How a person left their inbox: its filters and order. Kept on the user (not in the browser), so that the inbox
/// reopens the same on any device.
/// </summary>
public sealed record InboxView
{
    /// <summary>Only the items of this request letter (its own steps and its proposals').</summary>
    public Guid? RequestId { get; init; }

    /// <summary>Only the items about this agency's proposal.</summary>
    public Guid? AgencyId { get; init; }

    /// <summary>Only the items of this form (<see cref="WorkItemForms"/>).</summary>
    public string? Form { get; init; }

    public DueFilter Due { get; init; }

    public InboxSort Sort { get; init; }

    public static InboxView Default { get; } = new();
}

/// <summary>Which items by their due date.</summary>
public enum DueFilter
{
    All = 0,

    /// <summary>Past their due date.</summary>
    Overdue = 1,

    /// <summary>Due within <see cref="InboxQueries.DueSoonWindow"/> (and not yet overdue).</summary>
    DueSoon = 2,
}

/// <summary>The inbox's order.</summary>
public enum InboxSort
{
    /// <summary>Soonest due first; items without a due date last.</summary>
    Due = 0,

    /// <summary>Newest first.</summary>
    Created = 1,

    /// <summary>By title, in Vietnamese alphabetical order.</summary>
    Title = 2,
}

/// <summary>Where an item stands against its due date.</summary>
public enum DueState
{
    /// <summary>No due date.</summary>
    None = 0,

    OnTime = 1,

    DueSoon = 2,

    Overdue = 3,
}
