using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Expressions;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Runtime;
using ApprovalFlow.Workflows.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApprovalFlow.Workflows.Hosting;

/// <summary><c>AddWorkflowEngine()</c>: the engine's services over a host's <see cref="DbContext"/>.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine. <typeparamref name="TContext"/> is the host's context, whose model applies
    /// <see cref="WorkflowModelBuilderExtensions.ApplyWorkflowModel"/>; <paramref name="configure"/> adds the host's activities.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine<TContext>(this IServiceCollection services, Action<ActivityRegistry>? configure = null, Action<ScriptLimits>? limits = null)
        where TContext : DbContext
    {
        var registry = ActivityRegistry.CreateDefault();
        configure?.Invoke(registry);
        var scriptLimits = new ScriptLimits();
        limits?.Invoke(scriptLimits);

        services.AddSingleton(registry);
        services.AddSingleton(scriptLimits);
        services.AddSingleton<ExpressionEvaluator>();
        services.AddSingleton<WorkflowValidator>();
        services.AddSingleton<DefinitionCache>();
        services.AddSingleton<InstanceLocks>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<WorkflowRunner>();
        services.AddScoped<WorkflowDefinitionStore>(sp => new(sp.GetRequiredService<TContext>(), sp.GetRequiredService<WorkflowValidator>(), sp.GetRequiredService<DefinitionCache>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<WorkflowDefinitionAuthoring>(sp => new(sp.GetRequiredService<TContext>(), sp.GetRequiredService<WorkflowValidator>(), sp.GetRequiredService<DefinitionCache>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<WorkflowRuntime>(sp => new(
            sp.GetRequiredService<TContext>(), sp.GetRequiredService<WorkflowDefinitionStore>(), sp.GetRequiredService<WorkflowRunner>(),
            sp.GetRequiredService<InstanceLocks>(), sp.GetServices<IWorkflowCommitParticipant>(), sp.GetServices<IWorkflowTimerScheduler>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<WorkflowRuntime>>()));
        return services;
    }
}
