using System.Globalization;
using System.Resources;

namespace ApprovalFlow.Proposals;

/// <summary>What users call a field of a proposal, from its path, in the current UI language.</summary>
public static class ProposalFieldLabels
{
    private static readonly ResourceManager Labels = new("ApprovalFlow.Proposals.FieldLabels", typeof(ProposalFieldLabels).Assembly);

    /// <summary>"tasks[1].yearSplit[0].amount" → "Nhiệm vụ 2 › Phân bổ năm, dòng 1 › Số tiền".</summary>
    public static string Of(string path) =>
        string.Join(" › ", path.Split('.').Select(segment =>
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                return Label(segment);
            }

            var index = int.Parse(segment[(bracket + 1)..^1], CultureInfo.InvariantCulture);
            return string.Format(CultureInfo.CurrentCulture, Label(segment[..bracket] + "Item"), index + 1);
        }));

    private static string Label(string key) => Labels.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
