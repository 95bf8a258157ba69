using System.Text.Json;
using ApprovalFlow.Audit;
using ApprovalFlow.Budget;
using ApprovalFlow.Calendar;
using ApprovalFlow.EmailApproval;
using ApprovalFlow.Identity;
using ApprovalFlow.Notifications;
using ApprovalFlow.Organization;
using ApprovalFlow.Proposals;
using ApprovalFlow.Reminders;
using ApprovalFlow.Requests;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ApprovalFlow.Data;

/// <summary>
/// The application database: identity, the organisation directory, requests and proposals.
/// Provider-neutral; each provider derives its own context so that its migrations live apart.
/// </summary>
public abstract class ApprovalFlowDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Enum names rather than numbers, so that the stored views stay readable and survive a reordering.</summary>
    private static readonly JsonSerializerOptions InboxViewJson = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<AgencyProfile> AgencyProfiles => Set<AgencyProfile>();

    public DbSet<FundingSource> FundingSources => Set<FundingSource>();

    public DbSet<BudgetRequest> Requests => Set<BudgetRequest>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

    public DbSet<ProposalRevision> ProposalRevisions => Set<ProposalRevision>();

    public DbSet<WorkItem> WorkItems => Set<WorkItem>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Signed documents, stored as rendered (see <see cref="Documents.Records.DocumentArchive"/>).</summary>
    public DbSet<Documents.Records.DocumentVersion> DocumentVersions => Set<Documents.Records.DocumentVersion>();

    public DbSet<WorkItemReminder> WorkItemReminders => Set<WorkItemReminder>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<MailTemplate> MailTemplates => Set<MailTemplate>();

    public DbSet<ApprovalLink> ApprovalLinks => Set<ApprovalLink>();

    /// <summary>The holiday table: days off and swapped working days (see <see cref="BusinessCalendar"/>).</summary>
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    /// <summary>
    /// The keys that protect sign-in cookies, bearer tokens and e-mail links: in the database, so that what one node
    /// issued every other node reads, and a restart or a new node signs no one out.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Seals new audit lines onto the chain in the same save, serialized across writers (see <see cref="LockAuditChainAsync"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await LockAuditChainAsync(cancellationToken);
            await AuditChain.SealAsync(this, pending, cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>The synchronous save would bypass the audit seal; everything here saves asynchronously.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added)
            ? throw new InvalidOperationException("Audit lines are sealed by SaveChangesAsync only.")
            : base.SaveChanges(acceptAllChangesOnSuccess);

    /// <summary>
    /// Makes concurrent appenders take turns until their transaction ends, so that each reads the true last line.
    /// SQLite needs nothing: its writers are serialized already.
    /// </summary>
    protected virtual Task LockAuditChainAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // The engine's tables live here too, so that a workflow step and the domain's changes commit as one.
        builder.ApplyWorkflowModel();
        builder.ApplyConfiguration(new Documents.Records.DocumentVersionConfiguration());

        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");

        builder.Entity<AppUser>(user =>
        {
            user.Property(u => u.FullName).HasMaxLength(200);
            user.Property(u => u.PreferredLanguage).HasMaxLength(8);
            user.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);

            // A removed substitute leaves the absent user without one, rather than blocking the removal.
            user.HasOne<AppUser>().WithMany().HasForeignKey(u => u.SubstituteUserId).OnDelete(DeleteBehavior.SetNull);

            // A handful of filters, read and written whole with the user: one JSON column rather than a table.
            user.Property(u => u.InboxView)
                .HasMaxLength(1000)
                .HasConversion(v => JsonSerializer.Serialize(v, InboxViewJson), json => ReadInboxView(json));
        });

        builder.Entity<Agency>(agency =>
        {
            agency.HasIndex(a => a.Code).IsUnique();
            agency.Property(a => a.Code).HasMaxLength(32);
            agency.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
            agency.HasMany(a => a.Profiles).WithOne().HasForeignKey(p => p.AgencyId);
        });

        builder.Entity<AgencyProfile>(profile =>
        {
            profile.HasIndex(p => new { p.AgencyId, p.ValidFrom }).IsUnique();
            foreach (var name in new[] { nameof(AgencyProfile.Name), nameof(AgencyProfile.HeaderName), nameof(AgencyProfile.ShortName), nameof(AgencyProfile.ParentHeaderName) })
            {
                profile.Property(name).HasMaxLength(300);
            }
        });

        builder.Entity<FundingSource>(source =>
        {
            source.HasKey(s => s.Code);
            source.Property(s => s.Code).HasMaxLength(32);
        });

        builder.Entity<BudgetRequest>(request =>
        {
            request.Property(r => r.Number).HasMaxLength(100);
            request.Property(r => r.Subject).HasMaxLength(1000);
            request.ComplexProperty(r => r.PlanPeriod);
            request.ComplexProperty(r => r.PastYears);
            request.HasOne<Agency>().WithMany().HasForeignKey(r => r.IssuerAgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Proposal>(proposal =>
        {
            proposal.HasIndex(p => new { p.RequestId, p.AgencyId }).IsUnique();
            proposal.HasOne<BudgetRequest>().WithMany().HasForeignKey(p => p.RequestId);
            proposal.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
            proposal.Property(p => p.Revision).IsConcurrencyToken();
            proposal.Property(p => p.UpdatedByName).HasMaxLength(200);
            MapContent(proposal.Property(p => p.Content));
            MapJson(proposal.Property(p => p.Recommendations));
            MapJson(proposal.Property(p => p.Decisions));
        });

        builder.Entity<WorkItemReminder>(reminder =>
        {
            // The sweep's query: unsent and due, oldest first. Partial, so that it holds only what is still to send, and
            // so that "unsent" alone never draws the planner away from the primary key when a batch is claimed.
            reminder.HasIndex(r => r.DueAtUtcTicks).HasFilter("\"SentAt\" IS NULL");
            reminder.HasIndex(r => r.WorkItemId);
            reminder.HasIndex(r => r.SentBySweep);
            reminder.HasOne<WorkItem>().WithMany().HasForeignKey(r => r.WorkItemId);
            reminder.Ignore(r => r.DueAt);
        });

        builder.Entity<Notification>(notification =>
        {
            notification.Property(n => n.Kind).HasMaxLength(50);
            notification.Property(n => n.RecipientRole).HasMaxLength(50);
            notification.HasIndex(n => n.DeliveredAt);
            notification.Property(n => n.LastError).HasMaxLength(2000);
            notification.Property(n => n.SentTo).HasMaxLength(2000);
            notification.HasIndex(n => n.QueuedAtUtcTicks);
        });

        builder.Entity<MailTemplate>(template =>
        {
            template.HasKey(t => t.Name);
            template.Property(t => t.Name).HasMaxLength(60);
            template.Property(t => t.UpdatedByName).HasMaxLength(200);
        });

        builder.Entity<ApprovalLink>(link =>
        {
            link.Property(l => l.TokenHash).HasMaxLength(64);
            link.HasIndex(l => l.TokenHash).IsUnique();
            link.HasIndex(l => l.WorkItemId);
            link.Property(l => l.SubjectRevision).HasMaxLength(64);
            link.Property(l => l.RevokedReason).HasMaxLength(20);
            link.HasOne<WorkItem>().WithMany().HasForeignKey(l => l.WorkItemId);
        });

        builder.Entity<AuditEntry>(entry =>
        {
            entry.HasIndex(e => e.Sequence).IsUnique();
            entry.Property(e => e.Action).HasMaxLength(100);
            entry.Property(e => e.EntityType).HasMaxLength(50);
            entry.Property(e => e.EntityId).HasMaxLength(100);
            entry.Property(e => e.ActorName).HasMaxLength(200);
            entry.Property(e => e.OnBehalfOfName).HasMaxLength(200);
            entry.Property(e => e.Channel).HasMaxLength(20);
            entry.Property(e => e.PreviousHash).HasMaxLength(64);
            entry.Property(e => e.Hash).HasMaxLength(64);
            entry.HasIndex(e => new { e.EntityType, e.EntityId });
        });

        builder.Entity<WorkItem>(item =>
        {
            item.Property(w => w.Revision).IsConcurrencyToken();
            item.Property(w => w.Title).HasMaxLength(500);
            item.Property(w => w.Form).HasMaxLength(50);
            item.Property(w => w.AssigneeRole).HasMaxLength(50);
            item.Property(w => w.EscalateToRole).HasMaxLength(50);
            item.Property(w => w.CompletedByName).HasMaxLength(200);
            item.Property(w => w.OnBehalfOfName).HasMaxLength(200);
            item.Property(w => w.Comment).HasMaxLength(4000);
            item.HasIndex(w => new { w.Status, w.AssigneeRole, w.AgencyId });

            // The inbox's other branches (WorkItemAccess.OpenFor): a person's named and claimed open items found
            // directly among a million, not by reading every open one. Only the set values are indexed: the planners
            // then never take these for the role branch's "not assigned, not claimed".
            item.HasIndex(w => new { w.AssigneeUserId, w.Status }).HasFilter("\"AssigneeUserId\" IS NOT NULL");
            item.HasIndex(w => new { w.ClaimedByUserId, w.Status }).HasFilter("\"ClaimedByUserId\" IS NOT NULL");
            item.HasIndex(w => w.InstanceId);
        });

        builder.Entity<CalendarDay>(day =>
        {
            // The date is the key: one row per date, and the API addresses a row by its date.
            day.HasKey(d => d.Date);
            day.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
            day.Property(d => d.Name).HasMaxLength(CalendarDay.NameMaxLength);
        });

        builder.Entity<ProposalRevision>(revision =>
        {
            revision.HasIndex(r => new { r.ProposalId, r.Revision }).IsUnique();
            revision.HasOne<Proposal>().WithMany().HasForeignKey(r => r.ProposalId);
            revision.Property(r => r.SavedByName).HasMaxLength(200);
            MapContent(revision.Property(r => r.Content));
        });
    }

    /// <summary>
    /// A stored view that no longer reads (a filter since removed, say) falls back to the default: the user is loaded
    /// at every sign-in, which a stale preference must never break.
    /// </summary>
    private static InboxView? ReadInboxView(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<InboxView>(json, InboxViewJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Content is stored as one JSON document: it is edited, versioned and rendered as a whole, and its nested
    /// lists (tasks, scope lines, year splits) would otherwise need five tables for no query that wants them apart.
    /// </summary>
    private static void MapJson<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<List<T>> property) =>
        property
            .HasConversion(v => JsonSerializer.Serialize(v, ProposalJson.Options), json => JsonSerializer.Deserialize<List<T>>(json, ProposalJson.Options) ?? new List<T>())
            .Metadata.SetValueComparer(new ValueComparer<List<T>>(
                (a, b) => JsonSerializer.Serialize(a, ProposalJson.Options) == JsonSerializer.Serialize(b, ProposalJson.Options),
                v => JsonSerializer.Serialize(v, ProposalJson.Options).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, ProposalJson.Options), ProposalJson.Options)!));

    private static void MapContent(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<ProposalContent> property) =>
        property
            .HasConversion(c => ProposalJson.Serialize(c), json => ProposalJson.Deserialize(json))
            .Metadata.SetValueComparer(new ValueComparer<ProposalContent>(
                (a, b) => ProposalJson.Serialize(a!) == ProposalJson.Serialize(b!),
                c => ProposalJson.Serialize(c).GetHashCode(StringComparison.Ordinal),
                c => ProposalJson.Clone(c)));
}
