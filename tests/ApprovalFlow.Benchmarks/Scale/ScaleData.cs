namespace ApprovalFlow.Benchmarks.Scale;

/// <summary>The demo rows the seeded work is about: whose inbox is measured, and what their items point at.</summary>
/// <param name="UserId">The measured user: the head of the demo agency BDT.</param>
/// <param name="AgencyId">Their agency.</param>
/// <param name="Correlations">The demo proposals and request, which the measured user's items are about.</param>
public sealed record InboxOwner(Guid UserId, Guid AgencyId, IReadOnlyList<Guid> Correlations);

/// <summary>A table's rows for a bulk insert: its column names, and the rows in that order.</summary>
/// <param name="Table">The table.</param>
/// <param name="Columns">Its columns, in the order of each row's values.</param>
/// <param name="Rows">The rows; values are <see cref="Guid"/>, <see cref="string"/>, <see cref="int"/>, <see cref="bool"/>, <see cref="DateTimeOffset"/>, <c>string[]</c> or null.</param>
public sealed record BulkRows(string Table, IReadOnlyList<string> Columns, IEnumerable<object?[]> Rows);

/// <summary>
/// A province's history at scale: <c>instances</c> workflow instances of ten steps each. One in five is still
/// running, its last step open in someone's inbox; every other step is completed. The measured user holds
/// <see cref="OwnersOpenItems"/> of the open items (some offered to their role in their agency, some assigned to
/// them by name) and, like a real head, many completed ones; every other open item belongs to people and agencies
/// they cannot see. Deterministic: the same figures give the same rows.
/// </summary>
public sealed class ScaleData(int instances, InboxOwner owner)
{
    public const int StepsPerInstance = 10;
    public const int OwnersOpenItems = 50;
    private const int RunningEvery = 5;
    private const string AgencyHead = "AgencyHead";
    private static readonly string[] OtherRoles = ["AgencyStaff", "IctReviewer", "IctLeader", "UbndDecisionMaker"];
    private static readonly string[] Forms = ["draft", "sign-off", "review", "consolidation", "decision"];
    private static readonly DateTimeOffset Epoch = new(2025, 1, 6, 1, 0, 0, TimeSpan.Zero);

    // About 1 KB of engine state, as a suspended instance of the proposal chain stores.
    private static readonly string State = "{\"status\":\"Suspended\",\"variables\":{\"dueAt\":\"2026-03-20T09:00:00+07:00\",\"outcome\":\"Approve\",\"comment\":"
        + "\"" + new string('x', 800) + "\"},\"bookmarks\":[{\"id\":\"b\",\"activityId\":\"sign-off\"}],\"joins\":{}}";

    private readonly Guid[] otherAgencies = Ids(300, seed: 1);
    private readonly Guid[] otherUsers = Ids(5_000, seed: 2);

    public int Instances => instances;

    public int WorkItems => instances * StepsPerInstance;

    /// <summary>The running instances, each with one open item: the measured user's are the first <see cref="OwnersOpenItems"/>.</summary>
    public int OpenItems => instances / RunningEvery;

    public BulkRows InstanceRows() => new(
        "WorkflowInstances",
        ["Id", "DefinitionId", "DefinitionVersion", "DefinitionVersionId", "Status", "CorrelationId", "StateJson", "Revision", "CreatedAt", "UpdatedAt"],
        Enumerable.Range(0, instances).Select(i => new object?[]
        {
            InstanceId(i), "budget-proposal", 1, "budget-proposal-v1", IsRunning(i) ? 1 : 2, Correlation(i).ToString(), State, StepsPerInstance,
            Epoch.AddMinutes(i * 5), Epoch.AddMinutes(i * 5).AddDays(StepsPerInstance),
        }));

    public BulkRows WorkItemRows() => new(
        "WorkItems",
        ["Id", "InstanceId", "ActivityId", "CorrelationId", "Title", "Form", "AssigneeRole", "AgencyId", "AssigneeUserId", "ClaimedByUserId",
            "Outcomes", "CommentRequiredFor", "AllowEmailApproval", "CreatedAt", "DueAt", "EscalateToRole", "Status", "Outcome",
            "CompletedByUserId", "CompletedByName", "Channel", "CompletedAt", "Revision"],
        Enumerable.Range(0, WorkItems).Select(Item));

    private object?[] Item(int n)
    {
        var (instance, step) = (n / StepsPerInstance, n % StepsPerInstance);
        var open = step == StepsPerInstance - 1 && IsRunning(instance);
        var created = Epoch.AddMinutes(instance * 5).AddDays(step);
        var (role, agency, assignee, claimer) = Holder(instance, step, open);
        return
        [
            Id(n, seed: 3), InstanceId(instance), $"step-{step}", Correlation(instance).ToString(), Title(step), Forms[step % Forms.Length],
            role, agency, assignee, claimer,
            new[] { "Approve", "Return" }, new[] { "Return" }, step % 2 == 0, created, created.AddDays(5), AgencyHead,
            open ? 0 : 1, open ? null : "Approve",
            open ? null : claimer ?? assignee ?? otherUsers[n % otherUsers.Length], open ? null : "Nguyễn Văn An", open ? null : "inbox",
            open ? null : created.AddDays(2), open ? 1 : 2,
        ];
    }

    /// <summary>Who an item is for: the measured user's open ones first; a tenth of the completed history is theirs too.</summary>
    private (string Role, Guid Agency, Guid? Assignee, Guid? Claimer) Holder(int instance, int step, bool open)
    {
        var ownerOpen = open && instance / RunningEvery < OwnersOpenItems;
        if (ownerOpen || (!open && (instance + step) % 10 == 0))
        {
            // Two in five by name, the rest offered to the agency's heads.
            var k = ownerOpen ? instance / RunningEvery : instance;
            return (AgencyHead, owner.AgencyId, k % 5 < 2 ? owner.UserId : null, null);
        }

        var other = otherUsers[(instance * 7 + step) % otherUsers.Length];
        var agency = otherAgencies[instance % otherAgencies.Length];
        return ((instance + step) % 3) switch
        {
            0 => (OtherRoles[step % OtherRoles.Length], agency, null, null),
            1 => (AgencyHead, agency, other, (Guid?)null),
            _ => (OtherRoles[step % OtherRoles.Length], agency, (Guid?)null, other),
        };
    }

    private Guid Correlation(int instance) =>
        IsRunning(instance) && instance / RunningEvery < OwnersOpenItems ? owner.Correlations[instance % owner.Correlations.Count] : Id(instance, seed: 4);

    private static bool IsRunning(int instance) => instance % RunningEvery == 0;

    private static string InstanceId(int instance) => Id(instance, seed: 5).ToString("N");

    private static string Title(int step) => step switch
    {
        0 => "Lập đề xuất kinh phí",
        < 3 => "Ký duyệt đề xuất",
        < 6 => "Thẩm định đề xuất",
        < 9 => "Tổng hợp đề xuất",
        _ => "Quyết định phê duyệt",
    };

    /// <summary>A stable id for row <paramref name="n"/> of a kind: a version-4-shaped Guid from the two numbers.</summary>
    private static Guid Id(int n, int seed)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, n);
        BitConverter.TryWriteBytes(bytes[4..], seed);
        BitConverter.TryWriteBytes(bytes[8..], unchecked((n * 2654435761L) ^ (seed * 40503L)));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static Guid[] Ids(int count, int seed) => [.. Enumerable.Range(0, count).Select(i => Id(i, seed))];
}
