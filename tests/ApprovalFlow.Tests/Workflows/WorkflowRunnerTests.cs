using System.Text.Json.Nodes;
using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Expressions;
using ApprovalFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ApprovalFlow.Tests.Workflows.Flow;

namespace ApprovalFlow.Tests.Workflows;

[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class WorkflowRunnerTests
{
    private static Task<RunResult> StartAsync(Flow flow, string? correlation = null, WorkflowRunner? runner = null) =>
        (runner ?? Runner()).StartAsync(flow.Build(), "instance-1", correlation);

    [Fact]
    public async Task A_sequence_runs_in_order_and_finishes()
    {
        var flow = new Flow().Activity("start", "Elsa.Start");
        for (var i = 1; i <= 10; i++)
        {
            flow.Activity($"s{i}", "Elsa.WriteLine", ("text", Literal(JsonValue.Create($"bước {i}")))).Connect(i == 1 ? "start" : $"s{i - 1}", $"s{i}");
        }

        var result = await StartAsync(flow);

        Assert.Equal(WorkflowStatus.Finished, result.State.Status);
        Assert.Equal(["start", .. Enumerable.Range(1, 10).Select(i => $"s{i}")], result.Executed());
        Assert.Equal("bước 10", result.Journal.Last(j => j.Event == JournalEvents.Log).Payload!.GetValue<string>());
        Assert.Equal(Enumerable.Range(1, result.Journal.Count).Select(i => (long)i), result.Journal.Select(j => j.Sequence));
    }

    [Theory]
    [InlineData(160, "ubnd")]
    [InlineData(48, "self")]
    public async Task A_decision_on_a_JavaScript_condition_takes_its_branch(int amount, string expected)
    {
        var flow = new Flow().Variable("amount", amount)
            .Activity("start", "Elsa.Start")
            .Activity("big", "Elsa.FlowDecision", ("condition", Js("getAmount() > 100")))
            .Activity("ubnd", "Elsa.WriteLine").Activity("self", "Elsa.WriteLine")
            .Connect("start", "big").Connect("big", "ubnd", "True").Connect("big", "self", "False");

        Assert.Equal(["start", "big", expected], (await StartAsync(flow)).Executed());
    }

    [Fact]
    public async Task A_switch_leaves_by_the_first_matching_case_or_by_default()
    {
        var cases = JsonNode.Parse("""[{"label":"Nhỏ","condition":"getAmount() < 50"},{"label":"Vừa","condition":"getAmount() < 500"}]""");
        Flow Build(int amount) => new Flow().Variable("amount", amount)
            .Activity("start", "Elsa.Start").Activity("switch", "Elsa.FlowSwitch", ("cases", Literal(cases)))
            .Activity("small", "Elsa.WriteLine").Activity("medium", "Elsa.WriteLine").Activity("other", "Elsa.WriteLine")
            .Connect("start", "switch").Connect("switch", "small", "Nhỏ").Connect("switch", "medium", "Vừa").Connect("switch", "other", "Default");

        Assert.Equal("small", (await StartAsync(Build(10))).Executed()[^1]);
        Assert.Equal("medium", (await StartAsync(Build(100))).Executed()[^1]);
        Assert.Equal("other", (await StartAsync(Build(1000))).Executed()[^1]);
    }

    private static Flow ForkJoin(string mode) => new Flow()
        .Activity("start", "Elsa.Start")
        .Activity("fork", "Elsa.Fork", ("branches", Literal(JsonNode.Parse("""["A","B"]"""))))
        .Activity("a", "Elsa.Event", ("eventName", Literal("A")))
        .Activity("b", "Elsa.Event", ("eventName", Literal("B")))
        .Activity("join", "Elsa.FlowJoin", ("mode", Literal(mode)))
        .Activity("after", "Elsa.WriteLine", ("text", Literal("sau khi hợp nhánh")))
        .Connect("start", "fork").Connect("fork", "a", "A").Connect("fork", "b", "B")
        .Connect("a", "join").Connect("b", "join").Connect("join", "after");

    [Fact]
    public async Task A_join_waiting_for_all_goes_on_after_the_last_branch()
    {
        var runner = Runner();
        var definition = ForkJoin("WaitAll").Build();
        var started = await runner.StartAsync(definition, "i", null);
        Assert.Equal(2, started.State.Bookmarks.Count);

        var afterA = await runner.ResumeAsync(definition, started.State, started.State.Bookmarks.Single(b => b.ActivityId == "a").Id, new());
        Assert.DoesNotContain("after", afterA.Executed());
        Assert.Equal(WorkflowStatus.Suspended, afterA.State.Status);

        var afterB = await runner.ResumeAsync(definition, afterA.State, afterA.State.Bookmarks.Single().Id, new());
        Assert.Contains("after", afterB.Executed());
        Assert.Equal(WorkflowStatus.Finished, afterB.State.Status);
    }

    [Fact]
    public async Task A_join_waiting_for_any_goes_on_with_the_first_branch_only_once()
    {
        var runner = Runner();
        var definition = ForkJoin("WaitAny").Build();
        var started = await runner.StartAsync(definition, "i", null);

        var afterB = await runner.ResumeAsync(definition, started.State, started.State.Bookmarks.Single(b => b.ActivityId == "b").Id, new());
        Assert.Contains("after", afterB.Executed());

        var afterA = await runner.ResumeAsync(definition, afterB.State, afterB.State.Bookmarks.Single().Id, new());
        Assert.DoesNotContain("after", afterA.Executed());
        Assert.Equal(WorkflowStatus.Finished, afterA.State.Status);
    }

    [Fact]
    public async Task An_event_bookmark_carries_its_correlation_and_a_resume_happens_once()
    {
        var runner = Runner();
        var definition = new Flow().Activity("start", "Elsa.Start").Activity("wait", "Elsa.Event", ("eventName", Literal("UbndDecided"))).Connect("start", "wait").Build();
        var started = await runner.StartAsync(definition, "i", "proposal-7");

        var bookmark = Assert.Single(started.State.Bookmarks);
        Assert.Equal(ApprovalFlow.Workflows.Activities.Core.Event.KeyOf("UbndDecided", "proposal-7"), bookmark.Key);
        var resumed = await runner.ResumeAsync(definition, started.State, bookmark.Id, new());
        Assert.Equal(WorkflowStatus.Finished, resumed.State.Status);
        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => runner.ResumeAsync(definition, resumed.State, bookmark.Id, new()));
    }

    [Fact]
    public async Task A_published_event_is_handed_back_for_delivery_after_commit()
    {
        var flow = new Flow().Activity("start", "Elsa.Start")
            .Activity("publish", "Elsa.PublishEvent", ("eventName", Literal("UbndDecided")), ("payload", Js("({ approved: 258 })")))
            .Connect("start", "publish");

        var published = Assert.Single((await StartAsync(flow, "request-1")).Published);
        Assert.Equal(("UbndDecided", "request-1", 258), (published.Name, published.CorrelationId, published.Payload!["approved"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Timers_wait_until_their_moment()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        var flow = new Flow().Activity("start", "Elsa.Start").Activity("delay", "Elsa.Delay", ("duration", Literal("01:00:00"))).Connect("start", "delay");

        var bookmark = Assert.Single((await StartAsync(flow, runner: Runner(clock))).CreatedBookmarks);
        Assert.Equal(("Elsa.Delay", clock.GetUtcNow().AddHours(1)), (bookmark.Name, bookmark.ResumeAt));
    }

    [Fact]
    public async Task Variables_are_set_by_activities_and_scripts_and_outputs_are_bound()
    {
        var runJs = new Flow().Variable("total", 0).Variable("result")
            .Activity("start", "Elsa.Start")
            .Activity("set", "Elsa.SetVariable", ("variable", Literal("total")), ("value", Js("48 + 160")))
            .Activity("js", "Elsa.RunJavaScript", ("script", Js("setTotal(getTotal() + 50); return getTotal() * 2;")))
            .Connect("start", "set").Connect("set", "js");
        var definition = runJs.Build();
        definition.Root.Activities.Single(a => a.Id == "js").Outputs["result"] = new() { TypeName = "Object", Target = "result" };

        var result = await Runner().StartAsync(definition, "i", null);

        Assert.Equal(258, result.State.Variables["total"]!.GetValue<int>());
        Assert.Equal(516, result.State.Variables["result"]!.GetValue<int>());
    }

    [Fact]
    public async Task End_finishes_the_workflow_cancelling_what_still_waits()
    {
        var flow = new Flow().Activity("start", "Elsa.Start")
            .Activity("fork", "Elsa.Fork", ("branches", Literal(JsonNode.Parse("""["Wait","Stop"]"""))))
            .Activity("wait", "Elsa.Event", ("eventName", Literal("never"))).Activity("end", "Elsa.End")
            .Connect("start", "fork").Connect("fork", "wait", "Wait").Connect("fork", "end", "Stop");

        var result = await StartAsync(flow);

        Assert.Equal(WorkflowStatus.Finished, result.State.Status);
        Assert.Empty(result.State.Bookmarks);
    }

    public static TheoryData<string, string> RunawayScripts => new()
    {
        { "while (true) {}", "too many statements" },
        { "var a = []; while (true) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + a.length); }", "too much memory" },
        { "function f() { return f(); } return f();", "recursed too deeply" },
        { "return System.IO.File.ReadAllText('/etc/passwd');", "System is not defined" },
        { "return importNamespace('System').Environment.Exit(1);", "importNamespace is not defined" },
    };

    [Theory]
    [MemberData(nameof(RunawayScripts))]
    public async Task A_runaway_or_prying_script_becomes_an_incident_and_the_host_carries_on(string script, string expected)
    {
        var limits = new ScriptLimits { Timeout = TimeSpan.FromSeconds(5), MaxStatements = 200_000, MaxMemoryBytes = 8_000_000, MaxRecursionDepth = 100 };
        var flow = new Flow().Activity("start", "Elsa.Start").Activity("js", "Elsa.RunJavaScript", ("script", Js(script))).Connect("start", "js");

        var result = await StartAsync(flow, runner: Runner(limits: limits));

        Assert.Equal(WorkflowStatus.Faulted, result.State.Status);
        Assert.Equal("js", result.Incident!.ActivityId);
        Assert.Contains(expected, result.Incident.Message, StringComparison.Ordinal);
        Assert.Equal(new ScheduledStep("js", "start"), result.State.FaultedStep);
    }

    [Fact]
    public async Task A_script_out_of_time_is_stopped_by_the_clock()
    {
        var limits = new ScriptLimits { Timeout = TimeSpan.FromMilliseconds(200), MaxStatements = int.MaxValue };
        var flow = new Flow().Activity("start", "Elsa.Start").Activity("js", "Elsa.RunJavaScript", ("script", Js("while (true) {}"))).Connect("start", "js");

        var result = await StartAsync(flow, runner: Runner(limits: limits));

        Assert.Contains("ran out of time", result.Incident!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_faulted_activity_runs_again_on_retry()
    {
        var runner = Runner();
        var definition = new Flow().Variable("ready", false)
            .Activity("start", "Elsa.Start")
            .Activity("check", "Elsa.RunJavaScript", ("script", Js("if (!getReady()) throw new Error('chưa sẵn sàng'); return 1;")))
            .Activity("after", "Elsa.WriteLine")
            .Connect("start", "check").Connect("check", "after").Build();

        var faulted = await runner.StartAsync(definition, "i", null);
        Assert.Contains("chưa sẵn sàng", faulted.Incident!.Message, StringComparison.Ordinal);

        faulted.State.Variables["ready"] = true;
        var retried = await runner.RetryAsync(definition, faulted.State);
        Assert.Equal(WorkflowStatus.Finished, retried.State.Status);
        Assert.Equal(["check", "after"], retried.Executed());
    }

    [Fact]
    public async Task A_loop_that_never_waits_is_stopped_as_an_incident()
    {
        var flow = new Flow().Activity("start", "Elsa.Start").Activity("a", "Elsa.WriteLine").Activity("b", "Elsa.WriteLine")
            .Connect("start", "a").Connect("a", "b").Connect("b", "a");

        var result = await StartAsync(flow);

        Assert.Equal(WorkflowStatus.Faulted, result.State.Status);
        Assert.Contains("without waiting", result.Incident!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_liquid_input_renders_variables()
    {
        var flow = new Flow().Variable("amount", 258).Activity("start", "Elsa.Start")
            .Activity("log", "Elsa.WriteLine", ("text", new(ApprovalFlow.Workflows.Model.ExpressionTypes.Liquid, JsonValue.Create("Tổng {{ Variables.amount }} triệu đồng"))))
            .Connect("start", "log");

        var result = await StartAsync(flow);

        Assert.Null(result.Incident?.Message);
        Assert.Equal("Tổng 258 triệu đồng", result.Journal.Single(j => j.Event == JournalEvents.Log).Payload!.GetValue<string>());
    }

    [Fact]
    public void Liquid_for_HTML_mail_encodes_values()
    {
        var scope = new ExpressionScope(new Dictionary<string, JsonNode?> { ["name"] = "<script>alert(1)</script>" });
        Assert.Equal("Kính gửi &lt;script&gt;alert(1)&lt;/script&gt;", ExpressionEvaluator.RenderLiquid("Kính gửi {{ Variables.name }}", scope, htmlEncode: true));
    }

    [Fact]
    public async Task SendEmail_queues_an_encoded_message_in_the_outbox()
    {
        var outbox = new RecordingOutbox();
        var services = new ServiceCollection()
            .AddSingleton<ApprovalFlow.Workflows.Activities.Core.IMailOutbox>(outbox).BuildServiceProvider();
        var runner = new WorkflowRunner(ActivityRegistry.CreateDefault(), new ExpressionEvaluator(new ScriptLimits()), services, TimeProvider.System);
        var flow = new Flow().Variable("agency", "<b>Ban Dân tộc</b>").Activity("start", "Elsa.Start")
            .Activity("mail", "Elsa.SendEmail", ("to", Literal("truongban.bdt@demo.local, chuyenvien.bdt@demo.local")), ("subject", Literal("Đề xuất chờ ký")),
                ("body", new(ApprovalFlow.Workflows.Model.ExpressionTypes.Liquid, JsonValue.Create("<p>{{ Variables.agency }} gửi đề xuất</p>"))))
            .Connect("start", "mail");

        var result = await runner.StartAsync(flow.Build(), "i", null);

        Assert.Equal(WorkflowStatus.Finished, result.State.Status);
        var mail = Assert.Single(outbox.Mail);
        Assert.Equal(["truongban.bdt@demo.local", "chuyenvien.bdt@demo.local"], mail.To);
        Assert.Equal("<p>&lt;b&gt;Ban Dân tộc&lt;/b&gt; gửi đề xuất</p>", mail.HtmlBody);
    }

    [Fact]
    public async Task SendEmail_without_an_outbox_is_an_incident_not_lost_mail()
    {
        var flow = new Flow().Activity("start", "Elsa.Start")
            .Activity("mail", "Elsa.SendEmail", ("to", Literal("a@b.c")), ("subject", Literal("x")), ("body", Literal("y")))
            .Connect("start", "mail");

        var result = await StartAsync(flow);

        Assert.Equal((WorkflowStatus.Faulted, "mail"), (result.State.Status, result.Incident!.ActivityId));
    }

    private sealed class RecordingOutbox : ApprovalFlow.Workflows.Activities.Core.IMailOutbox
    {
        public List<ApprovalFlow.Workflows.Activities.Core.OutgoingMail> Mail { get; } = [];

        public ValueTask EnqueueAsync(ApprovalFlow.Workflows.Activities.Core.OutgoingMail mail, CancellationToken cancellationToken)
        {
            Mail.Add(mail);
            return ValueTask.CompletedTask;
        }
    }
}
