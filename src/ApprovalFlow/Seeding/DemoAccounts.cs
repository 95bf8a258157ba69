using ApprovalFlow.Identity;

namespace ApprovalFlow.Seeding;

/// <summary>A demo sign-in: its user name, whom it stands for, its agency (by code) and its role.</summary>
public sealed record DemoAccount(string Email, string FullName, string AgencyCode, string Role);

/// <summary>One account for every role (DESIGN §2); the README lists them.</summary>
public static class DemoAccounts
{
    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("admin@demo.local", "Quản trị hệ thống", "STTTT", Roles.Administrator),
        new("chuyenvien.bdt@demo.local", "Nguyễn Thị Hoa", "BDT", Roles.AgencyStaff),
        new("truongban.bdt@demo.local", "Trần Văn Mẫn", "BDT", Roles.AgencyHead),
        new("thamdinh.stttt@demo.local", "Lê Minh Tuấn", "STTTT", Roles.IctReviewer),
        new("giamdoc.stttt@demo.local", "Phạm Văn Hùng", "STTTT", Roles.IctLeader),
        new("ubnd@demo.local", "Đặng Văn Minh", "UBND", Roles.UbndDecisionMaker),
        new("chuyenvien.stc@demo.local", "Võ Thị Lan", "STC", Roles.AgencyStaff),
        new("giamdoc.stc@demo.local", "Huỳnh Văn Nam", "STC", Roles.AgencyHead),
        new("chuyenvien.syt@demo.local", "Bùi Thị Mai", "SYT", Roles.AgencyStaff),
        new("giamdoc.syt@demo.local", "Đỗ Văn Bình", "SYT", Roles.AgencyHead),
        new("chuyenvien.sgddt@demo.local", "Phan Thị Thu", "SGDDT", Roles.AgencyStaff),
        new("giamdoc.sgddt@demo.local", "Ngô Văn Long", "SGDDT", Roles.AgencyHead),
        new("chuyenvien.stp@demo.local", "Trương Thị Hạnh", "STP", Roles.AgencyStaff),
        new("giamdoc.stp@demo.local", "Lý Văn Sơn", "STP", Roles.AgencyHead),
        new("chuyenvien.snv@demo.local", "Hồ Thị Nga", "SNV", Roles.AgencyStaff),
        new("giamdoc.snv@demo.local", "Dương Văn Phúc", "SNV", Roles.AgencyHead),
    ];
}
