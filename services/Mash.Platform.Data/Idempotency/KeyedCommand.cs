using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Idempotency;

/// <summary>
/// An idempotency key and what it did, per client: the table behind commands that change an existing
/// record (a regrade, a return), where the record itself cannot hold one key per change.
/// </summary>
public sealed class KeyedCommand
{
    public string ClientId { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public string Method { get; set; } = "";
    public string RequestHash { get; set; } = "";
    /// <summary>The record the command changed or made.</summary>
    public string TargetId { get; set; } = "";
    public DateTime AcceptedAt { get; set; }

    /// <summary>Maps the table: one row per client and key, the key as long as <see cref="IdempotencyKeys.MaxLength"/>.</summary>
    public static void Map(ModelBuilder modelBuilder, string table) =>
        modelBuilder.Entity<KeyedCommand>(command =>
        {
            command.ToTable(table);
            command.HasKey(c => new { c.ClientId, c.IdempotencyKey });
            command.Property(c => c.IdempotencyKey).HasMaxLength(IdempotencyKeys.MaxLength);
        });
}
