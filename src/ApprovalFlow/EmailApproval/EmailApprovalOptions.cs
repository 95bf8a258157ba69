using ApprovalFlow.Identity;

namespace ApprovalFlow.EmailApproval;

/// <summary>Approval from mail links; bound from the <c>EmailApproval</c> section.</summary>
public sealed class EmailApprovalOptions
{
    public const string SectionName = "EmailApproval";

    /// <summary>How long a link works after the mail is written (default 72 hours).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// Steps whose assignee role is listed here need the approver signed in before the page acts: a forwarded mail or
    /// a read mailbox alone must not decide for the province (default: the UBND's decision).
    /// </summary>
    public List<string> SignInRequiredForRoles { get; set; } = [Roles.UbndDecisionMaker];
}
