using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Workflows.Persistence;

/// <summary>Adds the engine's tables to a host's model, so that a step and the host's own changes commit together.</summary>
public static class WorkflowModelBuilderExtensions
{
    public static ModelBuilder ApplyWorkflowModel(this ModelBuilder builder)
    {
        builder.Entity<WorkflowDefinitionRecord>(definition =>
        {
            definition.ToTable("WorkflowDefinitions");
            definition.HasKey(d => d.Id);
            definition.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
            definition.Property(d => d.Id).HasMaxLength(100);
            definition.Property(d => d.DefinitionId).HasMaxLength(100);
            definition.Property(d => d.SourceHash).HasMaxLength(64);
        });

        builder.Entity<WorkflowInstanceRecord>(instance =>
        {
            instance.ToTable("WorkflowInstances");
            instance.HasKey(i => i.Id);
            instance.Property(i => i.Id).HasMaxLength(100);
            instance.Property(i => i.Revision).IsConcurrencyToken();
            instance.HasIndex(i => new { i.DefinitionId, i.Status });
            instance.HasIndex(i => i.CorrelationId);
            instance.HasIndex(i => i.ParentBookmarkId);
        });

        builder.Entity<BookmarkRecord>(bookmark =>
        {
            bookmark.ToTable("WorkflowBookmarks");
            bookmark.HasKey(b => b.Id);
            bookmark.HasIndex(b => new { b.Name, b.Key });
            bookmark.HasIndex(b => b.InstanceId);
            bookmark.HasIndex(b => b.ResumeAt);
        });

        builder.Entity<JournalRecord>(journal =>
        {
            journal.ToTable("WorkflowJournal");
            journal.HasKey(j => new { j.InstanceId, j.Sequence });
        });

        builder.Entity<IncidentRecord>(incident =>
        {
            incident.ToTable("WorkflowIncidents");
            incident.HasIndex(i => i.InstanceId);
        });
        return builder;
    }
}
