using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalFlow.Web.Features;

/// <summary>
/// What a page shows for an empty error status, and for an unexpected failure outside Development (re-executed as
/// 500): a Vietnamese explanation and, for failures, a reference for the logs — never a stack trace. The API answers
/// with problem details instead.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>The request's trace id, which the logs carry too.</summary>
    public string Reference => Activity.Current?.Id ?? HttpContext.TraceIdentifier;

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => Code = code;
}
