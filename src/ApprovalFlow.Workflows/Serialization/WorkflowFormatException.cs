namespace ApprovalFlow.Workflows.Serialization;

/// <summary>The text is not a workflow definition in Elsa 3's JSON format; the message says where and why.</summary>
public sealed class WorkflowFormatException(string message, Exception? inner = null) : Exception(message, inner);
