namespace ApprovalFlow.WorkItems;

/// <summary>A person as a list or a form names them: an assignee candidate, a substitute, the absent user acted for.</summary>
public sealed record UserRef(Guid Id, string Name);
