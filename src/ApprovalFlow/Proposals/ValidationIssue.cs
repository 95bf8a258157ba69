namespace ApprovalFlow.Proposals;

/// <summary>One problem with one field, e.g. <c>tasks[2].planYearNeed</c>, with a message in the user's language.</summary>
/// <param name="Field">The field's path in the content's JSON shape (camelCase, zero-based indexes).</param>
/// <param name="Message">What is wrong and how to put it right.</param>
public sealed record ValidationIssue(string Field, string Message);
