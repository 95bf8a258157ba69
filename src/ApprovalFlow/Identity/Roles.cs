namespace ApprovalFlow.Identity;

/// <summary>The roles of the approval chain (DESIGN §2).</summary>
public static class Roles
{
    /// <summary>Chuyên viên: drafts and revises the agency's proposal.</summary>
    public const string AgencyStaff = "AgencyStaff";

    /// <summary>Lãnh đạo cơ quan (Trưởng Ban, Giám đốc Sở): signs the proposal off or returns it.</summary>
    public const string AgencyHead = "AgencyHead";

    /// <summary>Chuyên viên thẩm định of the ICT department: issues requests, reviews and consolidates.</summary>
    public const string IctReviewer = "IctReviewer";

    /// <summary>Lãnh đạo Sở of the ICT department: signs the consolidated submission (tờ trình).</summary>
    public const string IctLeader = "IctLeader";

    /// <summary>The People's Committee's decision maker: decides per task.</summary>
    public const string UbndDecisionMaker = "UbndDecisionMaker";

    /// <summary>Quản trị hệ thống: users, agencies, holidays, mail, workflows.</summary>
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } =
        [AgencyStaff, AgencyHead, IctReviewer, IctLeader, UbndDecisionMaker, Administrator];
}
