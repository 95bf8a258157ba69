using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace ApprovalFlow.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd (python3-aiosmtpd, installed by scripts/test.sh), storing what
/// it receives in a Maildir that the tests read back.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Executable = "/usr/bin/aiosmtpd";
    private readonly Process process;
    private readonly string maildir;

    private SmtpServer(Process process, string maildir, int port) => (this.process, this.maildir, Port) = (process, maildir, port);

    public int Port { get; }

    /// <summary>The app's mail settings for a server on loopback at <paramref name="port"/> (plain SMTP, no sign-in).</summary>
    public static Dictionary<string, string> SettingsFor(int port) => new()
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
    };

    /// <summary>The app's mail settings for this server; add a test's own settings to the dictionary.</summary>
    public Dictionary<string, string> AppSettings() => SettingsFor(Port);

    /// <summary>Starts a server on <paramref name="port"/> (a free one when null: give the old one's to "restart" it).</summary>
    public static async Task<SmtpServer> StartAsync(int? port = null)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing; scripts/test.sh installs it (apt-get install python3-aiosmtpd).");
        }

        // A path that does not exist yet: Python's Maildir only lays out tmp/new/cur in a folder it creates.
        var maildir = Path.Combine(Directory.CreateTempSubdirectory("approvalflow-smtp-").FullName, "Maildir");
        port ??= FreePort();
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir })
        {
            start.ArgumentList.Add(argument);
        }

        var server = new SmtpServer(Process.Start(start)!, maildir, port.Value);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port.Value);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await server.DisposeAsync();
        throw new InvalidOperationException("The SMTP server did not start listening.");
    }

    /// <summary>The messages received so far.</summary>
    public IReadOnlyList<MimeMessage> Received() =>
        Directory.Exists(Path.Combine(maildir, "new")) ? [.. Directory.EnumerateFiles(Path.Combine(maildir, "new")).Select(file => MimeMessage.Load(file))] : [];

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(Path.GetDirectoryName(maildir)!, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
