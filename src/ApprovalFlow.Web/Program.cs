using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Dashboard;
using ApprovalFlow.Web.Features.Documents;
using ApprovalFlow.Web.Features.Health;
using ApprovalFlow.Web.Features.Holidays;
using ApprovalFlow.Web.Features.Inbox;
using ApprovalFlow.Web.Features.Jobs;
using ApprovalFlow.Web.Features.Mail;
using ApprovalFlow.Web.Features.Proposals;
using ApprovalFlow.Web.Features.Requests;
using ApprovalFlow.Web.Features.Work;
using ApprovalFlow.Web.Features.Workflows;
using ApprovalFlow.Web.Hosting;
using ApprovalFlow.Web.Localization;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddTestingClockIfConfigured(builder.Configuration, builder.Environment);
builder.Services.AddApprovalFlowData(builder.Configuration);
builder.Services.AddApprovalFlowIdentity();
builder.Services.AddApprovalFlowLocalization();
builder.Services.AddRequestFeature();
builder.Services.AddProposalFeature();
builder.Services.AddDocumentFeature();
builder.Services.AddInboxFeature();
builder.Services.AddApprovalFlowJobs(builder.Configuration);
builder.Services.AddApprovalFlowMail(builder.Configuration);
builder.Services.AddDashboardFeature();
builder.Services.AddWorkflowDesignerFeature();
builder.Services.AddApprovalFlowHealthChecks();
builder.Services.AddRazorPages(options =>
    {
        // One folder per feature: each page sits beside its endpoint and handler.
        options.RootDirectory = "/Features";
        options.Conventions.AuthorizeFolder("/");
        options.Conventions.AllowAnonymousToPage("/Account/Login");

        // Approval links work without signing in, unless the step needs it (the page itself checks).
        options.Conventions.AllowAnonymousToPage("/EmailApproval/Approve");
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(ApprovalFlow.Web.SharedResource)));
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

var app = builder.Build();

// A maintenance command reads the database as it is: no migration, no seeding.
if (args is [VerifyAuditCommand.Name, ..])
{
    return await VerifyAuditCommand.RunAsync(app);
}

await app.PrepareDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/status/500");
    app.UseHsts();
}

// Pages answer an empty error status with a Vietnamese page; the API with problem details.
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
app.UseWhen(
    context => context.Request.Path.StartsWithSegments("/api"),
    api => api.UseStatusCodePages());
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseLogScopes();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}

app.MapCultureSwitch();
app.MapAuthEndpoints();
app.MapRequestEndpoints();
app.MapProposalEndpoints();
app.MapDocumentEndpoints();
app.MapWorkflowEndpoints();
app.MapDefinitionEndpoints();
app.MapInboxEndpoints();
app.MapWorkEndpoints();
app.MapDashboardEndpoints();
app.MapAwayEndpoints();
app.MapJobsDashboard();
app.MapHolidayEndpoints();
app.MapHealthEndpoint();
app.MapRazorPages();

await app.RunAsync();
return 0;

/// <summary>The host's entry point, public so that the integration tests can start it.</summary>
public partial class Program;
