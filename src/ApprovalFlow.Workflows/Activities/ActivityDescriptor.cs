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

    /// <summary>The CLR type that runs it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public required Type ActivityType { get; init; }
}

/// <summary>An input: its name in definitions (camelCase), its type, editor, default and whether it must be set.</summary>
public sealed record InputDescriptor(
    string Name, string TypeName, string UiHint, bool Required, object? DefaultValue, LocalizedText DisplayName, LocalizedText? Description)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public required System.Reflection.PropertyInfo Property { get; init; }
}

/// <summary>An output and its display name.</summary>
public sealed record OutputDescriptor(string Name, string TypeName, LocalizedText DisplayName)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public required System.Reflection.PropertyInfo Property { get; init; }
}

/// <summary>A text in Vietnamese and English.</summary>
public sealed record LocalizedText(string Vi, string En)
{
    public string For(string language) => language == "en" ? En : Vi;
}
