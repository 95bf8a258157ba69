namespace ApprovalFlow.Workflows.Validation;

/// <summary>One problem with a definition, tied to the activity it concerns (null for the workflow as a whole).</summary>
/// <param name="Code">What kind of problem (<see cref="WorkflowProblemCodes"/>), for hosts that translate messages.</param>
/// <param name="ActivityId">The activity concerned.</param>
/// <param name="ActivityName">Its designer name, to find it on the canvas.</param>
/// <param name="Message">The problem in English, naming what is wrong.</param>
public sealed record WorkflowProblem(string Code, string? ActivityId, string? ActivityName, string Message);

/// <summary>The kinds of <see cref="WorkflowProblem"/>.</summary>
public static class WorkflowProblemCodes
{
    public const string UnknownActivityType = "UnknownActivityType";
    public const string NoStart = "NoStart";
    public const string SeveralStarts = "SeveralStarts";
    public const string UnknownActivity = "UnknownActivity";
    public const string UnknownPort = "UnknownPort";
    public const string Unreachable = "Unreachable";
    public const string RequiredInputMissing = "RequiredInputMissing";
    public const string ExpressionInvalid = "ExpressionInvalid";
    public const string DuplicateId = "DuplicateId";
}
