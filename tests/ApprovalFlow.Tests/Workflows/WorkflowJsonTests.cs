using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Serialization;
using ApprovalFlow.Workflows.Validation;

namespace ApprovalFlow.Tests.Workflows;

[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class WorkflowJsonTests
{
    private static readonly WorkflowValidator Validator = new(ActivityRegistry.CreateDefault());

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "workflows", name));

    /// <summary>The real Elsa Studio exports in the team's reference folder, where a checkout has it beside the repository.</summary>
    public static TheoryData<string> ElsaSamples()
    {
        var data = new TheoryData<string>();
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "reference", "elsa-3-samples"));
        foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json").Order() : Enumerable.Empty<string>())
        {
            data.Add(file);
        }

        if (data.Count == 0)
        {
            // A user's clone has no shared folder: our own fixture stands in, so the theory always runs.
            data.Add(Path.Combine(AppContext.BaseDirectory, "Fixtures", "workflows", "approval-sample.json"));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ElsaSamples))]
    public void Elsa_exports_import_with_every_activity_known_and_round_trip_byte_for_byte(string file)
    {
        var definition = WorkflowJson.Read(File.ReadAllText(file));

        Assert.Empty(Validator.CheckTypes(definition));
        var exported = WorkflowJson.Write(definition);
        Assert.Equal(exported, WorkflowJson.Write(WorkflowJson.Read(exported)));
    }

    [Fact]
    public void Import_keeps_inputs_connections_positions_and_what_it_does_not_model()
    {
        var definition = WorkflowJson.Read(Fixture("approval-sample.json"));

        var decision = definition.Root.Activities.Single(a => a.Id == "big");
        Assert.Equal(("Boolean", "JavaScript", "getAmount() > 100"), (decision.Inputs["condition"].TypeName, decision.Inputs["condition"].Expression!.Type, decision.Inputs["condition"].Expression!.Text));
        Assert.Equal(200, decision.Metadata["designer"]!["position"]!["x"]!.GetValue<int>());
        Assert.Equal(5, definition.Root.Connections.Count);
        Assert.Equal("True", definition.Root.Connections[1].Source.Port);
        Assert.Equal("3.6.0.0", definition.Extra["toolVersion"]!.GetValue<string>());
        Assert.Contains("\"vertices\": []", WorkflowJson.Write(definition), StringComparison.Ordinal);
        Assert.Contains("\"$schema\": \"https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json\"", WorkflowJson.Write(definition), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_activity_type_is_refused_naming_the_type_and_the_activity()
    {
        var json = Fixture("approval-sample.json");
        var first = json.IndexOf("Elsa.WriteLine", StringComparison.Ordinal); // the activity "ubnd"
        json = string.Concat(json.AsSpan(0, first), "Acme.SendFax", json.AsSpan(first + "Elsa.WriteLine".Length));

        var problem = Assert.Single(Validator.CheckTypes(WorkflowJson.Read(json)));

        Assert.Equal(WorkflowProblemCodes.UnknownActivityType, problem.Code);
        Assert.Equal("ubnd", problem.ActivityId);
        Assert.Equal("Activity 'Ghi chú UBND' has type 'Acme.SendFax', which this system does not have.", problem.Message);
    }

    [Theory]
    [InlineData("{ \"id\": ", "not valid JSON")]
    [InlineData("[1, 2]", "a JSON object")]
    [InlineData("{ \"id\": \"a\", \"definitionId\": \"b\" }", "no 'root'")]
    [InlineData("{ \"id\": \"a\", \"definitionId\": \"b\", \"version\": \"two\", \"root\": { \"id\": \"r\", \"type\": \"Elsa.Flowchart\" } }", "wrong type")]
    [InlineData("{ \"id\": \"a\", \"definitionId\": \"b\", \"root\": { \"id\": \"r\", \"type\": \"Elsa.Flowchart\", \"activities\": [ { \"type\": \"Elsa.Start\" } ] } }", "'id' is missing from an activity")]
    public void Broken_json_gets_a_clear_error(string json, string expected)
    {
        var error = Assert.Throws<WorkflowFormatException>(() => WorkflowJson.Read(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
