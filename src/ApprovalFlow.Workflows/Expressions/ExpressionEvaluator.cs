using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Workflows.Model;
using Fluid;
using Jint;
using Jint.Native;

namespace ApprovalFlow.Workflows.Expressions;

/// <summary>Evaluates the definition's expressions: literals, variables, JavaScript (Jint, bounded) and Liquid (Fluid).</summary>
public sealed class ExpressionEvaluator(ScriptLimits limits)
{
    private static readonly FluidParser Liquid = new();
    private static readonly TemplateOptions LiquidOptions = new();

    /// <summary>Escapes markup only: Vietnamese letters stay letters rather than becoming numeric entities.</summary>
    private static readonly HtmlEncoder HtmlValues = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The expression's value as JSON (null for JavaScript's undefined and null).</summary>
    /// <exception cref="ScriptFailedException">A script failed, broke a limit, or a template did not parse.</exception>
    public JsonNode? Evaluate(WorkflowExpression expression, ExpressionScope scope) => expression.Type switch
    {
        ExpressionTypes.Literal => expression.Value?.DeepClone(),
        ExpressionTypes.ObjectValue or ExpressionTypes.Json => expression.Value is JsonValue v && v.TryGetValue<string>(out var json) ? ParseJson(json) : expression.Value?.DeepClone(),
        ExpressionTypes.Variable => scope.Variables.TryGetValue(expression.Text, out var value) ? value?.DeepClone() : null,
        ExpressionTypes.JavaScript => RunJavaScript(expression.Text, scope),
        ExpressionTypes.Liquid => JsonValue.Create(RenderLiquid(expression.Text, scope, htmlEncode: false)),
        _ => throw new ScriptFailedException($"Expressions of type '{expression.Type}' are not supported."),
    };

    /// <summary>Runs a script within <see cref="ScriptLimits"/>, with no access to .NET.</summary>
    public JsonNode? RunJavaScript(string script, ExpressionScope scope)
    {
        var engine = new Engine(options => options
            .Strict()
            .TimeoutInterval(limits.Timeout)
            .MaxStatements(limits.MaxStatements)
            .LimitMemory(limits.MaxMemoryBytes)
            .LimitRecursion(limits.MaxRecursionDepth));

        JsValue ToJs(JsonNode? node) => node is null ? JsValue.Null : new Jint.Native.Json.JsonParser(engine).Parse(node.ToJsonString());
        JsonNode? FromJs(JsValue value)
        {
            if (value.IsUndefined() || value.IsNull())
            {
                return null;
            }

            var json = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
            return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
        }

        engine.SetValue("getVariable", new Func<string, JsValue>(name => ToJs(scope.Variables.TryGetValue(name, out var v) ? v : null)));
        engine.SetValue("setVariable", new Action<string, JsValue>((name, value) => scope.Variables[name] = FromJs(value)));
        foreach (var name in scope.Variables.Keys.Where(IsIdentifier).ToList())
        {
            var suffix = char.ToUpperInvariant(name[0]) + name[1..];
            engine.SetValue("get" + suffix, new Func<JsValue>(() => ToJs(scope.Variables.TryGetValue(name, out var v) ? v : null)));
            engine.SetValue("set" + suffix, new Action<JsValue>(value => scope.Variables[name] = FromJs(value)));
        }

        engine.SetValue("workflowInstanceId", scope.WorkflowInstanceId);
        engine.SetValue("correlationId", scope.CorrelationId);
        engine.SetValue("input", ToJs(scope.Input));

        try
        {
            return FromJs(engine.Evaluate(SourceFor(script)));
        }
        catch (Exception ex) when (IsScriptError(ex))
        {
            throw new ScriptFailedException(Describe(ex), ex);
        }
    }

    /// <summary>Renders a Liquid template; <paramref name="htmlEncode"/> for HTML mail, so that values cannot inject markup.</summary>
    public static string RenderLiquid(string template, ExpressionScope scope, bool htmlEncode)
    {
        if (!Liquid.TryParse(template, out var parsed, out var error))
        {
            throw new ScriptFailedException($"The Liquid template does not parse: {error}");
        }

        var context = new TemplateContext(LiquidOptions);
        context.SetValue("Variables", scope.Variables.ToDictionary(p => p.Key, p => ToPlain(p.Value)));
        context.SetValue("WorkflowInstanceId", scope.WorkflowInstanceId);
        context.SetValue("CorrelationId", scope.CorrelationId);
        context.SetValue("Input", ToPlain(scope.Input));
        return htmlEncode ? parsed.Render(context, HtmlValues) : parsed.Render(context);
    }

    /// <summary>Why an expression would not compile, or null when it would; run nothing.</summary>
    public static string? CheckSyntax(WorkflowExpression expression)
    {
        try
        {
            switch (expression.Type)
            {
                case ExpressionTypes.JavaScript:
                    SourceFor(expression.Text);
                    return null;
                case ExpressionTypes.Liquid:
                    return Liquid.TryParse(expression.Text, out _, out var error) ? null : error;
                case ExpressionTypes.ObjectValue or ExpressionTypes.Json when expression.Value is JsonValue v && v.TryGetValue<string>(out var json):
                    JsonNode.Parse(json);
                    return null;
                default:
                    return ExpressionTypes.Supported.Contains(expression.Type) ? null : $"Expressions of type '{expression.Type}' are not supported.";
            }
        }
        catch (Exception ex) when (IsScriptError(ex) || ex is JsonException)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// A script may be an expression (<c>getX() &gt; 3</c>) or a function body ending in a return, as Elsa's
    /// scripts are (<c>return getA() + getB()</c>); the latter is wrapped in a function. The parse error of the
    /// script as written is the one reported.
    /// </summary>
    private static Prepared<Acornima.Ast.Script> SourceFor(string script)
    {
        try
        {
            return Engine.PrepareScript(script);
        }
        catch (Acornima.ParseErrorException)
        {
            try
            {
                return Engine.PrepareScript($"(function() {{\n{script}\n}})()");
            }
            catch (Acornima.ParseErrorException)
            {
                // Report the script's own error, not the wrapper's.
            }

            throw;
        }
    }

    private static JsonNode? ParseJson(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ScriptFailedException($"The value is not valid JSON: {ex.Message}", ex);
        }
    }

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };

    /// <summary>Errors of the script (Jint's and its parser's, and their time limit), as opposed to the engine's own.</summary>
    private static bool IsScriptError(Exception ex) =>
        ex is TimeoutException || ex.GetType().Namespace is { } ns && (ns.StartsWith("Jint", StringComparison.Ordinal) || ns.StartsWith("Acornima", StringComparison.Ordinal));

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static string Describe(Exception ex) => ex switch
    {
        Jint.Runtime.StatementsCountOverflowException => "The script ran too many statements (an endless loop?) and was stopped.",
        TimeoutException => "The script ran out of time and was stopped.",
        Jint.Runtime.MemoryLimitExceededException => "The script used too much memory and was stopped.",
        Jint.Runtime.RecursionDepthOverflowException => "The script recursed too deeply and was stopped.",
        _ => string.Create(CultureInfo.InvariantCulture, $"The script failed: {ex.Message}"),
    };
}

/// <summary>An expression could not be evaluated: the script failed or broke a limit, or the template is broken.</summary>
public sealed class ScriptFailedException(string message, Exception? inner = null) : Exception(message, inner);
