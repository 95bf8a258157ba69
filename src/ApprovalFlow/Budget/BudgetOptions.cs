namespace ApprovalFlow.Budget;

/// <summary>Budget rules that a province may tune; bound from the <c>Budget</c> configuration section.</summary>
public sealed class BudgetOptions
{
    public const string SectionName = "Budget";

    /// <summary>
    /// The largest amount (million VND) a single field may hold before it is taken for a typing or unit mistake,
    /// such as an amount typed in đồng instead of triệu đồng. Default 100.000 (one hundred billion VND).
    /// </summary>
    public decimal PlausibilityLimit { get; set; } = 100_000m;
}
