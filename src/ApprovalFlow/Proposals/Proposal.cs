namespace ApprovalFlow.Proposals;

/// <summary>One agency's reply to one request. The content is edited, versioned and rendered as a whole.</summary>
public sealed class Proposal
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid RequestId { get; init; }

    public Guid AgencyId { get; init; }

    public ProposalStatus Status { get; set; }

    /// <summary>Incremented by every save; the optimistic-concurrency token that detects two editors at once.</summary>
    public int Revision { get; set; }

    public ProposalContent Content { get; set; } = new();

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedById { get; set; }

    public string? UpdatedByName { get; set; }

    /// <summary>When the signed-off proposal first reached the ICT department; from then on its reviewers may see it.</summary>
    public DateTimeOffset? SubmittedToIctAt { get; set; }

    /// <summary>When the ICT department first put it before the UBND; from then on the UBND may see it.</summary>
    public DateTimeOffset? SubmittedToUbndAt { get; set; }

    /// <summary>The ICT review's recommendation per task; empty until the reviewer records one.</summary>
    public List<TaskRecommendation> Recommendations { get; set; } = [];

    /// <summary>The UBND's decision per task; empty until decided.</summary>
    public List<TaskDecision> Decisions { get; set; } = [];

    /// <summary>Whether the agency may still change it.</summary>
    /// <remarks>
    /// Still editable while awaiting the head's sign-off: the staff may correct it before it leaves the agency; the head
    /// then signs the latest revision, and approval links sent for an earlier one die (<see cref="EmailApproval.ApprovalLinks"/>).
    /// </remarks>
    public bool IsEditable => Status is ProposalStatus.Draft or ProposalStatus.Returned or ProposalStatus.AwaitingSignOff;
}

/// <summary>Where a proposal stands in the chain.</summary>
public enum ProposalStatus
{
    /// <summary>Dự thảo: the agency's staff are writing it.</summary>
    Draft = 0,

    /// <summary>Chờ lãnh đạo ký duyệt.</summary>
    AwaitingSignOff = 1,

    /// <summary>Trả lại: returned for revision by the head or the reviewer; editable again.</summary>
    Returned = 2,

    /// <summary>Đang thẩm định at the ICT department.</summary>
    UnderReview = 3,

    /// <summary>Đã thẩm định: accepted by the ICT review.</summary>
    Accepted = 4,

    /// <summary>Trình UBND: awaiting the UBND decision.</summary>
    AwaitingDecision = 5,

    /// <summary>Được phê duyệt.</summary>
    Approved = 6,

    /// <summary>Phê duyệt một phần.</summary>
    PartlyApproved = 7,

    /// <summary>Không phê duyệt.</summary>
    Rejected = 8,

    /// <summary>Không được tổng hợp: not accepted by the ICT review when the request's deadline passed, so never put to the UBND.</summary>
    NotIncluded = 9,
}
