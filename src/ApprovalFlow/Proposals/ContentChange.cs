namespace ApprovalFlow.Proposals;

/// <summary>One field that differs between two revisions, labelled for people.</summary>
/// <param name="Field">The field's path, e.g. <c>tasks[1].total</c>.</param>
/// <param name="Label">What a user calls it, e.g. "Nhiệm vụ 2 › Tổng kinh phí".</param>
/// <param name="Before">The earlier value as displayed; null where the field did not exist.</param>
/// <param name="After">The later value as displayed; null where the field was removed.</param>
public sealed record ContentChange(string Field, string Label, string? Before, string? After);
