using System.Globalization;
using System.Text.RegularExpressions;
using ApprovalFlow.Requests;

namespace ApprovalFlow.Web.Features.Proposals;

/// <summary>
/// The editor's structural buttons (add, remove, move up or down a task, a scope line or a fund row). They post the
/// whole form and come back with it rearranged, so nothing typed is lost and the page works without JavaScript.
/// </summary>
public static partial class FormOperation
{
    /// <summary>Applies <paramref name="operation"/> (e.g. <c>remove-scope-1-2</c>); false when it names nothing.</summary>
    public static bool TryApply(string operation, ProposalForm form, BudgetRequest request, string defaultFundingSource)
    {
        var match = Pattern().Match(operation);
        if (!match.Success)
        {
            return false;
        }

        var verb = match.Groups["verb"].Value;
        var i = Index(match.Groups["i"]);
        var j = Index(match.Groups["j"]);
        return match.Groups["what"].Value switch
        {
            "task" => Apply(form.Tasks, verb, i, () => ProposalFormMapper.NewTask(request, defaultFundingSource)),
            "fund" => Apply(form.AllocatedFunds, verb, i, () => ProposalFormMapper.NewFund(request)),
            "scope" when i is { } task && task < form.Tasks.Count => Apply(form.Tasks[task].Scope, verb, j, () => null),
            _ => false,
        };
    }

    private static bool Apply<T>(List<T> items, string verb, int? index, Func<T> create)
    {
        switch (verb)
        {
            case "add":
                items.Add(create());
                return true;
            case "remove" when index is { } at && at < items.Count:
                items.RemoveAt(at);
                return true;
            case "up" when index is { } at && at > 0 && at < items.Count:
                (items[at - 1], items[at]) = (items[at], items[at - 1]);
                return true;
            case "down" when index is { } at && at + 1 < items.Count:
                (items[at + 1], items[at]) = (items[at], items[at + 1]);
                return true;
            default:
                return false;
        }
    }

    private static int? Index(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^(?<verb>add|remove|up|down)-(?<what>task|fund|scope)(-(?<i>\d{1,4}))?(-(?<j>\d{1,4}))?$")]
    private static partial Regex Pattern();
}
