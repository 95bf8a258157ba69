using System.Text.Json.Nodes;
using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Validation;
using static ApprovalFlow.Tests.Workflows.Flow;

namespace ApprovalFlow.Tests.Workflows;

[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class WorkflowValidatorTests
{
    private static readonly WorkflowValidator Validator = new(ActivityRegistry.CreateDefault());

    private static Flow Valid() => new Flow()
        .Activity("start", "Elsa.Start")
        .Activity("decide", "Elsa.FlowDecision", ("condition", Js("1 > 0")))
        .Activity("end", "Elsa.End")
        .Connect("start", "decide").Connect("decide", "end", "True").Connect("decide", "end", "False");

    [Fact]
    public void A_sound_flowchart_has_no_problem() => Assert.Empty(Validator.Validate(Valid().Build()));

    [Fact]
    public void Each_problem_names_the_activity_it_concerns()
    {
        var definition = Valid()
            .Activity("orphan", "Elsa.WriteLine", ("text", Literal("x")))
            .Activity("switch", "Elsa.FlowSwitch", ("cases", Literal(JsonNode.Parse("""[{"label":"Lớn","condition":"1 > 0"}]"""))))
            .Activity("broken", "Elsa.RunJavaScript", ("script", Js("return (1 +;")))
            .Activity("empty", "Elsa.FlowDecision")
            .Connect("decide", "switch", "Maybe")
            .Connect("switch", "broken", "Lớn")
            .Connect("switch", "empty", "Nhỏ")
            .Build();

        var problems = Validator.Validate(definition);

        Assert.Contains(problems, p => p is { Code: WorkflowProblemCodes.Unreachable, ActivityId: "orphan" });
        Assert.Contains(problems, p => p is { Code: WorkflowProblemCodes.UnknownPort, ActivityId: "decide" } && p.Message.Contains("'Maybe'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Code: WorkflowProblemCodes.UnknownPort, ActivityId: "switch" } && p.Message.Contains("'Nhỏ'", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Message.Contains("'Lớn'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Code: WorkflowProblemCodes.ExpressionInvalid, ActivityId: "broken" });
        Assert.Contains(problems, p => p is { Code: WorkflowProblemCodes.RequiredInputMissing, ActivityId: "empty" } && p.Message.Contains("'condition'", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_starts_or_none_are_refused()
    {
        var two = Valid().Activity("start2", "Elsa.Start").Connect("start2", "end").Build();
        Assert.Contains(Validator.Validate(two), p => p is { Code: WorkflowProblemCodes.SeveralStarts, ActivityId: "start2" });

        var none = new Flow().Activity("a", "Elsa.WriteLine").Activity("b", "Elsa.WriteLine").Connect("a", "b").Connect("b", "a").Build();
        Assert.Contains(Validator.Validate(none), p => p.Code == WorkflowProblemCodes.NoStart);
    }

    [Fact]
    public void A_connection_to_a_missing_activity_is_refused() =>
        Assert.Contains(Validator.Validate(Valid().Connect("end", "ghost").Build()), p => p is { Code: WorkflowProblemCodes.UnknownActivity, ActivityId: "ghost" });

    [Fact]
    public void Every_engine_activity_describes_itself_in_both_languages()
    {
        var registry = ActivityRegistry.CreateDefault();
        Assert.Contains(registry.All, d => d.TypeName == "Elsa.FlowJoin");
        foreach (var descriptor in registry.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(descriptor.DisplayName.Vi), descriptor.TypeName);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.DisplayName.En), descriptor.TypeName);
            Assert.All(descriptor.Inputs, i => Assert.False(string.IsNullOrWhiteSpace(i.DisplayName.Vi)));
        }

        var decision = registry.Find("Elsa.FlowDecision")!;
        Assert.Equal(["True", "False"], decision.Outcomes);
        Assert.Equal(("condition", "Boolean", true), (decision.Inputs[0].Name, decision.Inputs[0].TypeName, decision.Inputs[0].Required));
    }
}
