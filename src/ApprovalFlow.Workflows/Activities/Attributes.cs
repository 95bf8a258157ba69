namespace ApprovalFlow.Workflows.Activities;

/// <summary>Describes an activity type: its Elsa type name, where the designer's toolbox shows it, and its outcomes.</summary>
/// <param name="typeName">The type name in definitions, e.g. <c>Elsa.FlowDecision</c>.</param>
/// <param name="category">The toolbox group, e.g. <c>Flow</c>.</param>
/// <param name="displayNameVi">The name shown to Vietnamese users.</param>
/// <param name="displayNameEn">The name shown to English users.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string typeName, string category, string displayNameVi, string displayNameEn) : Attribute
{
    public string TypeName { get; } = typeName;

    public string Category { get; } = category;

    public string DisplayNameVi { get; } = displayNameVi;

    public string DisplayNameEn { get; } = displayNameEn;

    public string? DescriptionVi { get; init; }

    public string? DescriptionEn { get; init; }

    /// <summary>The ports an activity may leave by, besides those named by <see cref="PortsFromInput"/>.</summary>
    public string[] Outcomes { get; init; } = [ActivityResult.Done];

    /// <summary>
    /// An input whose list names further ports: a fork's branches, a switch's cases (by their <c>label</c>), a human
    /// task's outcomes.
    /// </summary>
    public string? PortsFromInput { get; init; }
}

/// <summary>Marks a property as an input: set from the definition's expression before the activity runs.</summary>
/// <param name="displayNameVi">The label shown to Vietnamese users.</param>
/// <param name="displayNameEn">The label shown to English users.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class InputAttribute(string displayNameVi, string displayNameEn) : Attribute
{
    public string DisplayNameVi { get; } = displayNameVi;

    public string DisplayNameEn { get; } = displayNameEn;

    public string? DescriptionVi { get; init; }

    public string? DescriptionEn { get; init; }

    /// <summary>Which editor the designer shows (<see cref="UiHints"/>).</summary>
    public string UiHint { get; init; } = UiHints.SingleLine;

    public bool Required { get; init; }

    /// <summary>The value when the definition gives none, as a literal.</summary>
    public object? DefaultValue { get; init; }
}

/// <summary>Marks a property as an output: after the activity runs, its value goes where the definition binds it.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class OutputAttribute(string displayNameVi, string displayNameEn) : Attribute
{
    public string DisplayNameVi { get; } = displayNameVi;

    public string DisplayNameEn { get; } = displayNameEn;
}

/// <summary>The editors the designer knows for inputs.</summary>
public static class UiHints
{
    public const string SingleLine = "singleline";
    public const string MultiLine = "multiline";
    public const string Checkbox = "checkbox";
    public const string Number = "number";
    public const string Duration = "duration";
    public const string BusinessDays = "business-days";
    public const string DateTime = "datetime";
    public const string Code = "code";
    public const string OutcomeList = "outcome-list";
    public const string VariablePicker = "variable-picker";
    public const string RolePicker = "role-picker";
    public const string AgencyPicker = "agency-picker";
    public const string Json = "json";
}
