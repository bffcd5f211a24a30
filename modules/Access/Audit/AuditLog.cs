using System.Text.Json;
using System.Text.Json.Serialization;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Storage;
using MediatR;

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

/// <summary>Turns a change into the audit entry a grain records with its state write.</summary>
public sealed class AuditLog(TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public AuditRecorded Entry(AuditChange change) => new(
        // Version 7 ids sort by creation time, so listing by id lists in order.
        Guid.CreateVersion7(clock.GetUtcNow()).ToString("N"), clock.GetUtcNow().ToUnixTimeMilliseconds(),
        change.ActorId, change.Subject, change.SubjectId, change.Action, Serialize(change.Before), Serialize(change.After));

    private static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);
}

/// <summary>An audit entry, recorded with the state write it describes and stored by <see cref="AuditProjection"/>.</summary>
[GenerateSerializer, Immutable, Alias("access.audit-recorded")]
public sealed record AuditRecorded(
    [property: Id(0)] string Id, [property: Id(1)] long At, [property: Id(2)] string ActorId, [property: Id(3)] AuditSubject Subject,
    [property: Id(4)] string SubjectId, [property: Id(5)] string Action, [property: Id(6)] string? BeforeJson, [property: Id(7)] string? AfterJson) : INotification;

public sealed class AuditProjection : IProjection<AuditRecorded>
{
    public Task ApplyAsync(AuditRecorded entry, IStoreTransaction tx) => tx.ExecuteAsync("""
        INSERT INTO access_audit (id, at, actor_id, subject_type, subject_id, action, before_json, after_json)
        VALUES (@id, @at, @actor, @type, @subject, @action, @before, @after)
        """,
        ("id", entry.Id), ("at", entry.At), ("actor", entry.ActorId), ("type", entry.Subject.ToString()), ("subject", entry.SubjectId),
        ("action", entry.Action), ("before", entry.BeforeJson), ("after", entry.AfterJson));
}
