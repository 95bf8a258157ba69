using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ApprovalFlow.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the test run: Debian's binaries (scripts/test.sh installs the <c>postgresql</c>
/// package), a throwaway cluster in a temporary folder, listening on a free port on 127.0.0.1 only. Started once,
/// stopped when the test process ends; each test class asks for a database of its own.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private PostgresServer(string bin, string dataDir, int port)
    {
        Bin = bin;
        DataDir = dataDir;
        Port = port;
    }

    private string Bin { get; }

    private string DataDir { get; }

    private int Port { get; }

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    /// <summary>A new, empty database on the server; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "af_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    /// <summary>
    /// The database <paramref name="name"/> (lower-case letters, digits and underscores), created when it does not
    /// exist yet, so that a host started again on the same data finds the first one's database; returns its connection string.
    /// </summary>
    public string EnsureDatabase(string name)
    {
        ValidateName(name);
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        return ConnectionString(name);
    }

    /// <summary>Drops the database <paramref name="name"/>, closing what is still connected to it (a host's pooled connections, Hangfire's workers).</summary>
    public void DropDatabase(string name)
    {
        ValidateName(name);
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    // Database names cannot be parameters: only names the tests make themselves get into the statements.
    private static void ValidateName(string name)
    {
        if (name.Length is 0 or > 63 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            throw new ArgumentException($"'{name}' is not a database name the tests make.", nameof(name));
        }
    }

    private string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=60";

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL's server binaries are not installed; scripts/test.sh installs them (apt-get install postgresql).");
        }

        var dataDir = Directory.CreateTempSubdirectory("approvalflow-pg-").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // The server refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", "-R", "postgres:postgres", dataDir);
        }

        var port = FreePort();
        await RunAsync(asRoot, Path.Combine(bin, "initdb"), "-D", Path.Combine(dataDir, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale");
        await RunAsync(asRoot, Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(dataDir, "data"), "-l", Path.Combine(dataDir, "server.log"), "-w", "start",
            // Room for every host alive at once on the PostgreSQL run: each keeps a pool, and Hangfire's server its own connections.
            "-o", $"-p {port} -k {dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=500");

        var server = new PostgresServer(bin, dataDir, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(asRoot);
        return server;
    }

    private void Stop(bool asRoot)
    {
        try
        {
            RunAsync(asRoot, Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(DataDir, "data"), "-m", "immediate", "stop").GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(DataDir, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsync(bool asPostgres, string program, params string[] arguments) =>
        asPostgres ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
