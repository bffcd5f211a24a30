using System.Text.Json;
using System.Text.Json.Serialization;
using Greenlight.Kernel.Storage;

namespace Greenlight.Modules.Access.Audit;

/// <summary>What was changed: a level, a user, a group, a team, an object's shares, the preferences.</summary>
public enum AuditSubject
{
    Level,
    User,
    Group,
    Team,
    Object,
    Preferences,
}

/// <summary>One change: who made it, to what, and the state before and after (null when there was none).</summary>
public sealed record AuditChange(string ActorId, AuditSubject Subject, string SubjectId, string Action, object? Before, object? After);

/// <summary>Writes the audit trail, always in the transaction of the state write it records.</summary>
public sealed class AuditLog(TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Task RecordAsync(IStoreTransaction tx, AuditChange change) => tx.ExecuteAsync("""
        INSERT INTO access_audit (id, at, actor_id, subject_type, subject_id, action, before_json, after_json)
        VALUES (@id, @at, @actor, @type, @subject, @action, @before, @after)
        """,
        // Version 7 ids sort by creation time, so listing by id lists in order.
        ("id", Guid.CreateVersion7(clock.GetUtcNow()).ToString("N")), ("at", clock.GetUtcNow().ToUnixTimeMilliseconds()),
        ("actor", change.ActorId), ("type", change.Subject.ToString()), ("subject", change.SubjectId), ("action", change.Action),
        ("before", Serialize(change.Before)), ("after", Serialize(change.After)));

    private static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);
}
