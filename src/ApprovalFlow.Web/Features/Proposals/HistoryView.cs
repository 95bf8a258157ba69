using ApprovalFlow.Proposals;

namespace ApprovalFlow.Web.Features.Proposals;

/// <summary>What the history partial renders: the last return with the changes since, and the timeline.</summary>
public sealed record HistoryView(ReturnNote? LastReturn, IReadOnlyList<TimelineEntry> Timeline);
