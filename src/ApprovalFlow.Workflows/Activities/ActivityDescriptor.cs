namespace ApprovalFlow.Workflows.Activities;

/// <summary>What the designer and the API know of an activity type, built from its attributes.</summary>
public sealed record ActivityDescriptor(
    string TypeName,
    string Category,
    LocalizedText DisplayName,
    LocalizedText? Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutputDescriptor> Outputs,
    IReadOnlyList<string> Outcomes,
    string? PortsFromInput,
    bool IsContainer)
{
    /// <summary>The ports <paramref name="node"/> may leave by: the static outcomes and those its list input names.</summary>
    public IEnumerable<string> PortsOf(Model.ActivityNode node) =>
        PortsFromInput is null ? Outcomes : Outcomes.Concat(Runtime.LiteralLists.Labels(node, PortsFromInput));

    /// <summary>The CLR type that runs it (internal: the API describes activities, it does not expose types).</summary>
    internal Type ActivityType { get; init; } = typeof(Core.Flowchart);
}

/// <summary>An input: its name in definitions (camelCase), its type, editor, default and whether it must be set.</summary>
public sealed record InputDescriptor(
    string Name, string TypeName, string UiHint, bool Required, object? DefaultValue, LocalizedText DisplayName, LocalizedText? Description)
{
    /// <summary>The property the runner sets or reads.</summary>
    internal System.Reflection.PropertyInfo Property { get; init; } = null!;
}

/// <summary>An output and its display name.</summary>
public sealed record OutputDescriptor(string Name, string TypeName, LocalizedText DisplayName)
{
    /// <summary>The property the runner sets or reads.</summary>
    internal System.Reflection.PropertyInfo Property { get; init; } = null!;
}

/// <summary>A text in Vietnamese and English.</summary>
public sealed record LocalizedText(string Vi, string En)
{
    public string For(string language) => language == "en" ? En : Vi;
}
