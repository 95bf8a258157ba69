using MimeKit;

namespace ApprovalFlow.Web.Features.Mail;

/// <summary>The messages the embedded default wrote to the drop folder, newest first; a file is found by its bare name only.</summary>
public sealed class DroppedMail(MailDropFolder folder)
{
    /// <summary>A message file: its name and what its headers say.</summary>
    public sealed record Entry(string Name, DateTimeOffset Date, string To, string Subject);

    public async Task<IReadOnlyList<Entry>> ListAsync(int max, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder.Path))
        {
            return [];
        }

        var entries = new List<Entry>();
        foreach (var file in new DirectoryInfo(folder.Path).EnumerateFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).Take(max))
        {
            var headers = await HeaderList.LoadAsync(file.FullName, cancellationToken);
            entries.Add(new Entry(file.Name, DateTimeOffset.TryParse(headers[HeaderId.Date], System.Globalization.CultureInfo.InvariantCulture, out var date) ? date : file.LastWriteTimeUtc,
                headers[HeaderId.To] ?? "", headers[HeaderId.Subject] ?? ""));
        }

        return entries;
    }

    /// <summary>The message named <paramref name="name"/>, or null: a path, or a name not in the folder, finds nothing.</summary>
    public async Task<MimeMessage?> LoadAsync(string name, CancellationToken cancellationToken)
    {
        if (name != Path.GetFileName(name) || !name.EndsWith(".eml", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.Combine(folder.Path, name);
        return File.Exists(path) ? await MimeMessage.LoadAsync(path, cancellationToken) : null;
    }
}
