using ApprovalFlow.Proposals;
using ApprovalFlow.Tests.Fixtures;
using ApprovalFlow.Tests.Infrastructure;

namespace ApprovalFlow.Tests.Proposals;

[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class ProposalChangesTests
{
    [Fact]
    public void Lists_each_changed_field_with_a_label_and_both_values()
    {
        using var _ = new CultureScope("vi-VN");
        var before = SeedLetter.Content();
        var after = SeedLetter.Content();
        after.Tasks[1].Total = 1250.5m;
        after.Goals = "Mục tiêu mới";
        after.Tasks[0].Scope.Add("Thêm 01 máy in");

        var changes = ProposalChanges.Between(before, after);

        Assert.Equal(3, changes.Count);
        Assert.Contains(changes, c => c is { Field: "tasks[1].total", Label: "Nhiệm vụ 2 › Tổng kinh phí", Before: "160", After: "1.250,5" });
        Assert.Contains(changes, c => c is { Field: "goals", Label: "II. Mục tiêu", After: "Mục tiêu mới" });
        Assert.Contains(changes, c => c is { Field: "tasks[0].scope[2]", Before: null, After: "Thêm 01 máy in" });
    }

    [Fact]
    public void Identical_content_has_no_changes() =>
        Assert.Empty(ProposalChanges.Between(SeedLetter.Content(), SeedLetter.Content()));
}
