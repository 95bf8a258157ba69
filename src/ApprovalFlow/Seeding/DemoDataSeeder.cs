using ApprovalFlow.Budget;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Organization;
using ApprovalFlow.Proposals;
using ApprovalFlow.Requests;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Seeding;

/// <summary>
/// Fills an empty database with the demo province: agencies, funding sources, the request letter
/// 113/STTTT-BCVT&amp;CNTT with a draft proposal per target agency, and an account for every role.
/// Does nothing when any agency exists, so it never touches real data.
/// </summary>
public sealed class DemoDataSeeder(
    ApprovalFlowDbContext db, UserManager<AppUser> users, RoleManager<AppRole> roles, RequestPublisher publisher, WorkflowDefinitionStore workflows, TimeProvider clock)
{
    /// <summary>The request date of the seed letter's request; names and titles are those in force then.</summary>
    public static readonly DateOnly RequestDate = new(2022, 1, 28);

    /// <summary>Seeds when the database is empty; returns whether it did.</summary>
    public async Task<bool> SeedAsync(string demoPassword, CancellationToken cancellationToken)
    {
        if (await db.Agencies.AnyAsync(cancellationToken))
        {
            return false;
        }

        // All or nothing: a seed cut short would leave agencies behind, and a non-empty database is never seeded again.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        foreach (var role in Roles.All)
        {
            Check(await roles.CreateAsync(new AppRole(role)));
        }

        var agencies = new DemoAgencies();
        db.Agencies.AddRange(agencies.All);
        db.FundingSources.AddRange(FundingSource.Defaults.Select(s => new FundingSource { Code = s.Code, Name = s.Name, ShortName = s.ShortName, SortOrder = s.SortOrder }));
        await db.SaveChangesAsync(cancellationToken);

        var heads = new Dictionary<Guid, string>();
        foreach (var account in DemoAccounts.All)
        {
            var agency = agencies.All.Single(a => a.Code == account.AgencyCode);
            var user = new AppUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                FullName = account.FullName,
                AgencyId = agency.Id,
            };
            Check(await users.CreateAsync(user, demoPassword));
            Check(await users.AddToRoleAsync(user, account.Role));
            if (account.Role == Roles.AgencyHead)
            {
                heads[agency.Id] = account.FullName;
            }
        }

        var request = await SeedRequestAsync(agencies, heads, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Sent after the seed's commit: the request's workflow commits in a transaction of its own. Without the
        // workflow (a workflows folder that lacks it) the request stays a draft that an ICT reviewer can send later.
        if (await workflows.FindPublishedAsync(RequestPublisher.WorkflowId, cancellationToken) is not null
            && await publisher.PublishAsync(request.Id, actor: null, cancellationToken) is { } refusal)
        {
            throw new InvalidOperationException("Publishing the demo request failed: " + refusal);
        }

        return true;
    }

    private async Task<BudgetRequest> SeedRequestAsync(DemoAgencies agencies, Dictionary<Guid, string> heads, CancellationToken cancellationToken)
    {
        var targets = new[] { agencies.EthnicAffairs }.Concat(agencies.Departments).ToList();
        var request = new BudgetRequest
        {
            IssuerAgencyId = agencies.Ict.Id,
            Number = "113/STTTT-BCVT&CNTT",
            Date = RequestDate,
            Subject = "thực hiện rà soát, đánh giá lại nhiệm vụ, kinh phí đã bố trí để phát triển chính quyền điện tử, chuyển đổi số",
            PlanPeriod = new YearRange(2022, 2025),
            PlanYear = 2022,
            PastYears = new YearRange(2020, 2021),
            // The letter set 18/02/2022; a demo walked today needs a deadline still ahead, or the chain would skip the agencies.
            Deadline = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(30),
            Status = RequestStatus.Draft,
            TargetAgencyIds = [.. targets.Select(a => a.Id)],
        };
        db.Requests.Add(request);

        var issuer = Profile(agencies.Ict);
        var now = clock.GetUtcNow();
        foreach (var agency in targets)
        {
            var proposal = NewProposal.For(request, Profile(agency), issuer, heads.GetValueOrDefault(agency.Id, ""), now);
            db.Proposals.Add(proposal);
            db.ProposalRevisions.Add(ProposalDrafts.Snapshot(proposal));
        }

        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    private static AgencyProfile Profile(Agency agency) =>
        agency.ProfileOn(RequestDate) ?? throw new InvalidOperationException($"Agency {agency.Code} has no profile on {RequestDate}.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding the demo accounts failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
