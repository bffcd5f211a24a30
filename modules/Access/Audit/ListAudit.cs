using System.Text.Json;
using FluentValidation;
using Greenlight.Kernel.Http;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Modules.Access.Audit;

public sealed record AuditEntry(string Id, DateTimeOffset At, string ActorId, AuditSubject SubjectType, string SubjectId, string Action, JsonElement? Before, JsonElement? After);

/// <summary>The changes made to one subject (<paramref name="SubjectType"/> and <paramref name="SubjectId"/>), or made by one user (<paramref name="ActorId"/>), oldest first.</summary>
public sealed record ListAudit(AuditSubject? SubjectType, string? SubjectId, string? ActorId) : IRequest<IReadOnlyList<AuditEntry>>, IAdministrativeRequest;

public sealed class ListAuditValidator : AbstractValidator<ListAudit>
{
    public ListAuditValidator()
    {
        RuleFor(r => r.SubjectId).NotEmpty().When(r => r.SubjectType is not null).WithMessage("Give the subject's id with its type.");
        RuleFor(r => r.SubjectType).NotNull().When(r => r.SubjectId is not null).WithMessage("Give the subject's type with its id.");
        RuleFor(r => r.ActorId).NotEmpty().When(r => r.SubjectType is null).WithMessage("Give a subject (type and id) or an actor.");
    }
}

public sealed class ListAuditHandler(IStore store) : IRequestHandler<ListAudit, IReadOnlyList<AuditEntry>>
{
    public async Task<IReadOnlyList<AuditEntry>> Handle(ListAudit request, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        // Only the filters given go into the SQL: PostgreSQL cannot type a parameter that is only ever null.
        List<(string Sql, (string, object?)[] Parameters)> filters = [];
        if (request.SubjectType is { } type)
            filters.Add(("subject_type = @type AND subject_id = @subject", [("type", type.ToString()), ("subject", request.SubjectId)]));
        if (request.ActorId is { } actor)
            filters.Add(("actor_id = @actor", [("actor", actor)]));
        await using var command = connection.Command(
            $"SELECT id, at, actor_id, subject_type, subject_id, action, before_json, after_json FROM access_audit WHERE {string.Join(" AND ", filters.Select(f => f.Sql))} ORDER BY id",
            [.. filters.SelectMany(f => f.Parameters)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2),
                Enum.Parse<AuditSubject>(reader.GetString(3)), reader.GetString(4), reader.GetString(5), Json(reader, 6), Json(reader, 7)));
        }
        return entries;
    }

    private static JsonElement? Json(System.Data.Common.DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : JsonDocument.Parse(reader.GetString(column)).RootElement.Clone();
}

public sealed class AuditEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        api.MapGroup("/access/audit").WithTags("Access: audit")
            .MapGet("/", async Task<Ok<IReadOnlyList<AuditEntry>>> (IMediator sender, AuditSubject? subjectType, string? subjectId, string? actorId, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAudit(subjectType, subjectId, actorId), ct)))
            .WithName("ListAccessAudit").WithSummary("Changes to levels, users, groups, teams, shares and preferences: by subject, or by the user who made them.");
}
