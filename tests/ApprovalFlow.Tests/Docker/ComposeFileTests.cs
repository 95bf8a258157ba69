using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ApprovalFlow.Tests.Docker;

/// <summary>
/// The <c>docker/</c> folder without Docker: the compose file parses, and everything it and the Dockerfile refer to —
/// build context, Dockerfile, project files, the entry assembly, mounted files, the proxy's upstreams — exists.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Repository = FindRepository();
    private static readonly string DockerFolder = Path.Combine(Repository, "docker");
    private static readonly YamlMappingNode Compose = Load(Path.Combine(DockerFolder, "compose.yaml"));
    private static readonly YamlMappingNode Services = (YamlMappingNode)Compose["services"];

    [Fact]
    public void It_runs_two_app_nodes_a_proxy_postgresql_and_a_mail_catcher()
    {
        Assert.Equal(["app1", "app2", "mail", "postgres", "proxy"], Services.Children.Keys.Select(k => k.ToString()).Order());
    }

    [Theory]
    [InlineData("app1")]
    [InlineData("app2")]
    public void Each_app_node_builds_from_a_context_and_dockerfile_that_exist(string node)
    {
        var build = (YamlMappingNode)Service(node)["build"];
        var context = Path.GetFullPath(Path.Combine(DockerFolder, build["context"].ToString()));
        Assert.True(File.Exists(Path.Combine(context, "ApprovalFlow.sln")), $"{node}: build context {context} is not the repository");
        Assert.True(File.Exists(Path.Combine(context, build["dockerfile"].ToString())), $"{node}: no {build["dockerfile"]}");
        Assert.Equal("PostgreSql", Environment(node)["Database__Provider"]);
        Assert.Equal("mail", Environment(node)["Mail__Host"]);
    }

    [Fact]
    public void What_the_dockerfile_copies_builds_and_runs_exists_in_the_repository()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(DockerFolder, "Dockerfile"));

        // Every COPY from the build context (not from another stage) names files or folders that exist.
        var copies = dockerfile.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1]).ToList();
        Assert.NotEmpty(copies);
        Assert.All(copies, source => Assert.True(Matches(source), $"COPY {source}: nothing in the repository"));

        // The projects it restores and publishes, and the assembly it starts.
        var projects = ProjectPath().Matches(string.Join('\n', dockerfile)).Select(m => m.Value).Distinct().ToList();
        Assert.Contains("src/ApprovalFlow.Web/ApprovalFlow.Web.csproj", projects);
        Assert.All(projects, project => Assert.True(File.Exists(Path.Combine(Repository, project)), $"{project} does not exist"));
        var entry = Assert.Single(dockerfile, l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal));
        var assembly = EntryAssembly().Match(entry).Groups[1].Value;
        Assert.Single(projects, p => Path.GetFileNameWithoutExtension(p) == assembly);

        // Not root; the fonts the documents are laid out in; a health check on /health.
        Assert.Contains(dockerfile, l => l.StartsWith("USER ", StringComparison.Ordinal) && !l.Contains("root", StringComparison.Ordinal));
        Assert.Contains(dockerfile, l => l.Contains("fonts-liberation", StringComparison.Ordinal));
        Assert.Contains(dockerfile, l => l.Contains("/health", StringComparison.Ordinal) && l.TrimStart().StartsWith("CMD", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_proxy_and_the_mail_catchers_web_ui_are_published_and_the_proxy_reaches_both_nodes()
    {
        var published = Services.Children.Where(s => ((YamlMappingNode)s.Value).Children.ContainsKey("ports")).Select(s => s.Key.ToString()).Order();
        Assert.Equal(["mail", "proxy"], published);
        Assert.EndsWith(":80", Assert.Single(((YamlSequenceNode)Service("proxy")["ports"]).Children).ToString(), StringComparison.Ordinal);
        Assert.EndsWith(":8025", Assert.Single(((YamlSequenceNode)Service("mail")["ports"]).Children).ToString(), StringComparison.Ordinal);

        // Its configuration is mounted from a file beside compose.yaml, and names the two nodes' services.
        var mount = Assert.Single(((YamlSequenceNode)Service("proxy")["volumes"]).Children).ToString().Split(':')[0];
        var config = File.ReadAllText(Path.Combine(DockerFolder, mount));
        Assert.Contains("server app1:8080", config, StringComparison.Ordinal);
        Assert.Contains("server app2:8080", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgresql_keeps_its_data_in_a_named_volume()
    {
        var volume = Assert.Single(((YamlSequenceNode)Service("postgres")["volumes"]).Children).ToString().Split(':');
        Assert.Equal("/var/lib/postgresql/data", volume[1]);
        Assert.Contains(volume[0], ((YamlMappingNode)Compose["volumes"]).Children.Keys.Select(k => k.ToString()));
    }

    [Fact]
    public void No_secret_is_written_in_the_repository_only_referenced_from_the_environment()
    {
        var secrets = Services.Children.Keys.Select(k => k.ToString())
            .SelectMany(name => Service(name).Children.ContainsKey("environment") ? Environment(name) : [])
            .Where(e => e.Key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase) || e.Value.Contains("Password=", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(secrets);
        Assert.All(secrets, e => Assert.Matches(@"\$\{[A-Z_]+:\?", e.Value));
        Assert.Contains("docker/.env", File.ReadAllLines(Path.Combine(Repository, ".gitignore")));
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)Service(service)["environment"]).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());

    /// <summary>Whether a COPY source (a path, or a folder and a file pattern) names something in the repository.</summary>
    private static bool Matches(string source)
    {
        var path = Path.Combine(Repository, source.TrimEnd('/'));
        if (!source.Contains('*', StringComparison.Ordinal))
        {
            return File.Exists(path) || Directory.Exists(path);
        }

        var folder = Path.GetDirectoryName(path)!;
        return Directory.Exists(folder) && Directory.EnumerateFiles(folder, Path.GetFileName(path)).Any();
    }

    private static YamlMappingNode Load(string file)
    {
        using var reader = new StreamReader(file);
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ApprovalFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository's root (ApprovalFlow.sln) is not above the tests.");
    }

    [GeneratedRegex(@"src/[\w.]+/[\w.]+\.csproj")]
    private static partial Regex ProjectPath();

    [GeneratedRegex(@"""([\w.]+)\.dll""")]
    private static partial Regex EntryAssembly();
}
