namespace ApprovalFlow.Web;

/// <summary>
/// The marker for the pages' texts in <c>Resources/SharedResource.resx</c> (Vietnamese, the neutral language) and
/// <c>SharedResource.en.resx</c>. It sits in the root namespace because the resource name is derived from it.
/// </summary>
public sealed class SharedResource;
