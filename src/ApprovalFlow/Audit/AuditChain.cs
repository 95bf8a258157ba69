using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ApprovalFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Audit;

/// <summary>
/// Seals new audit lines onto the chain when they are saved, and verifies the chain: each line's hash covers its
/// fields and the hash of the line before it.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first line.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Numbers and hashes the lines about to be inserted, after the last saved one.</summary>
    public static async Task SealAsync(ApprovalFlowDbContext db, IReadOnlyList<AuditEntry> pending, CancellationToken cancellationToken)
    {
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? Genesis;
        foreach (var entry in pending)
        {
            entry.Sequence = ++sequence;
            entry.At = DateTimeOffset.FromUnixTimeMilliseconds(entry.At.ToUnixTimeMilliseconds());
            entry.PreviousHash = previous;
            entry.Hash = previous = HashOf(entry);
        }
    }

    /// <summary>Walks the whole chain in order; returns the first line whose link is broken, or null when it holds.</summary>
    public static async Task<AuditBreak?> VerifyAsync(ApprovalFlowDbContext db, CancellationToken cancellationToken)
    {
        var previous = Genesis;
        long expected = 1;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expected)
            {
                return new AuditBreak(expected, $"line {expected} is missing (the next is {entry.Sequence})");
            }

            if (entry.PreviousHash != previous)
            {
                return new AuditBreak(entry.Sequence, "its link to the line before does not match");
            }

            if (HashOf(entry) != entry.Hash)
            {
                return new AuditBreak(entry.Sequence, "its content does not match its hash");
            }

            previous = entry.Hash;
            expected++;
        }

        return null;
    }

    /// <summary>SHA-256 over every field, each length-prefixed so that no two different lines read the same.</summary>
    public static string HashOf(AuditEntry entry)
    {
        var text = new StringBuilder();
        foreach (var field in new[]
        {
            entry.Sequence.ToString(CultureInfo.InvariantCulture), entry.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            entry.Action, entry.EntityType, entry.EntityId, entry.ActorId?.ToString(), entry.ActorName, entry.OnBehalfOfName,
            entry.Channel, entry.Details, entry.PreviousHash,
        })
        {
            text.Append(CultureInfo.InvariantCulture, $"{field?.Length ?? -1}:{field}|");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>Where the chain breaks: the line and why.</summary>
public sealed record AuditBreak(long Sequence, string Reason);
