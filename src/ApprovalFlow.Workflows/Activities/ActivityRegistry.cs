using System.Reflection;
using System.Text.Json;

namespace ApprovalFlow.Workflows.Activities;

/// <summary>
/// The activity types a host runs, with their descriptors. The engine registers its own; the domain adds its own
/// with <see cref="Add{T}"/> or <see cref="AddFromAssembly"/>.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityDescriptor> descriptors = new(StringComparer.Ordinal);

    /// <summary>A registry of the engine's own activities.</summary>
    public static ActivityRegistry CreateDefault() => new ActivityRegistry().AddFromAssembly(typeof(ActivityRegistry).Assembly);

    public IReadOnlyCollection<ActivityDescriptor> All => descriptors.Values;

    public ActivityDescriptor? Find(string typeName) => descriptors.GetValueOrDefault(typeName);

    public ActivityRegistry Add<T>()
        where T : WorkflowActivity => Add(typeof(T));

    public ActivityRegistry AddFromAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => !t.IsAbstract && typeof(WorkflowActivity).IsAssignableFrom(t) && t.GetCustomAttribute<ActivityAttribute>() is not null))
        {
            Add(type);
        }

        return this;
    }

    public ActivityRegistry Add(Type type)
    {
        var activity = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{type} has no [Activity] attribute.", nameof(type));
        var inputs = type.GetProperties()
            .Select(p => (Property: p, Input: p.GetCustomAttribute<InputAttribute>()))
            .Where(x => x.Input is not null)
            .Select(x => new InputDescriptor(
                JsonNamingPolicy.CamelCase.ConvertName(x.Property.Name),
                TypeNameOf(x.Property.PropertyType),
                x.Input!.UiHint,
                x.Input.Required,
                x.Input.DefaultValue,
                new(x.Input.DisplayNameVi, x.Input.DisplayNameEn),
                x.Input.DescriptionVi is null ? null : new(x.Input.DescriptionVi, x.Input.DescriptionEn ?? x.Input.DescriptionVi))
            { Property = x.Property })
            .ToList();
        var outputs = type.GetProperties()
            .Select(p => (Property: p, Output: p.GetCustomAttribute<OutputAttribute>()))
            .Where(x => x.Output is not null)
            .Select(x => new OutputDescriptor(JsonNamingPolicy.CamelCase.ConvertName(x.Property.Name), TypeNameOf(x.Property.PropertyType), new(x.Output!.DisplayNameVi, x.Output.DisplayNameEn)) { Property = x.Property })
            .ToList();

        descriptors[activity.TypeName] = new ActivityDescriptor(
            activity.TypeName,
            activity.Category,
            new(activity.DisplayNameVi, activity.DisplayNameEn),
            activity.DescriptionVi is null ? null : new(activity.DescriptionVi, activity.DescriptionEn ?? activity.DescriptionVi),
            inputs,
            outputs,
            activity.Outcomes,
            activity.PortsFromInput,
            IsContainer: typeof(Core.Flowchart).IsAssignableFrom(type))
        { ActivityType = type };
        return this;
    }

    /// <summary>Elsa's names for input types: <c>String</c>, <c>Boolean</c>, <c>Int32</c>, <c>TimeSpan</c>, <c>Object</c>, ….</summary>
    private static string TypeNameOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(Model.WorkflowExpression) || type == typeof(System.Text.Json.Nodes.JsonNode) || type.IsGenericType ? "Object" : type.Name;
    }
}
