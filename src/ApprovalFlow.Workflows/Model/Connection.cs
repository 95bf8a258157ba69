using System.Text.Json.Nodes;

namespace ApprovalFlow.Workflows.Model;

/// <summary>An arrow of the flowchart: from an activity's outcome port to another activity's <c>In</c> port.</summary>
public sealed class Connection
{
    public required Endpoint Source { get; init; }

    public required Endpoint Target { get; init; }

    /// <summary>Bends of the arrow and anything else the designer stored, kept as read.</summary>
    public JsonObject Extra { get; init; } = [];
}

/// <summary>One end of a <see cref="Connection"/>.</summary>
/// <param name="Activity">The activity's id.</param>
/// <param name="Port">The port: an outcome such as <c>Done</c> or <c>True</c> at the source, <c>In</c> at the target.</param>
public sealed record Endpoint(string Activity, string Port);
