using System.Text.Json.Serialization;
using FluentValidation;
using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Levels;
using Greenlight.Modules.Access.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Modules.Access.Sharing.Api;

/// <summary>Shares the object: sets the grantee's permission on it. Sharing system-wide needs that right of the level and Manage.</summary>
public sealed record GrantPermission(SecuredRef Target, GranteeKind GranteeKind, string? GranteeId, Permission Permission) : IRequest<ObjectShares>, ISecuredRequest
{
    public AccessCheck Check => AccessCheck.On(Target, GranteeKind == GranteeKind.SystemWide ? AccessAction.ShareSystemWide : AccessAction.Share);

    public Grantee Grantee => GrantData.ToGrantee(GranteeKind, GranteeId ?? "");
}

/// <param name="GranteeKind">Required (<see cref="JsonRequiredAttribute"/>), as is <paramref name="Permission"/>: left out, they would read as User and None.</param>
/// <param name="GranteeId">Not for <see cref="GranteeKind.SystemWide"/>.</param>
public sealed record GrantPermissionBody([property: JsonRequired] GranteeKind GranteeKind, [property: JsonRequired] Permission Permission, string? GranteeId = null);

/// <summary>What the object type takes, and that the grantee exists (external people only while the organization collaborates by email).</summary>
public sealed class GrantPermissionValidator : AbstractValidator<GrantPermission>
{
    public GrantPermissionValidator(AccessSnapshots snapshots)
    {
        RuleFor(r => r.Permission).IsInEnum().NotEqual(Permission.None).WithMessage("Grant View, Contribute or Manage.");
        RuleFor(r => r.Permission).NotEqual(Permission.Contribute)
            .When(r => r.Target.Object.Type is not (ObjectType.Project or ObjectType.Task or ObjectType.Issue))
            .WithMessage(r => $"Contribute applies to projects, tasks and issues only; a {r.Target.Object.Type} takes View or Manage.");
        RuleFor(r => r.GranteeId).NotEmpty().When(r => r.GranteeKind != GranteeKind.SystemWide);
        RuleFor(r => r.GranteeId).EmailAddress().When(r => r.GranteeKind == GranteeKind.Email);
        RuleFor(r => r.GranteeKind).IsInEnum().Must((r, kind) => kind != GranteeKind.Email || ObjectTypeRules.IsDocumentLike(r.Target.Object.Type))
            .WithMessage("Only documents and folders are shared by email address.");
        RuleFor(r => r).CustomAsync(async (request, context, _) =>
        {
            var directory = await snapshots.DirectoryAsync();
            var (kind, id) = (request.GranteeKind, request.GranteeId);
            var collaborates = directory.Preferences.CollaborateByEmail;
            if (kind == GranteeKind.Email && !collaborates)
                context.AddFailure(nameof(GrantPermission.GranteeKind), "Sharing by email needs the preference collaborateByEmail on.");
            // A missing id is named by the GranteeId rule; there is nobody to look up.
            if (kind != GranteeKind.SystemWide && string.IsNullOrEmpty(id)) return;
            var known = kind switch
            {
                GranteeKind.User => await snapshots.UserAsync(id) is { Active: true } user && (user.License != License.External || collaborates),
                GranteeKind.Team => directory.HasTeam(id),
                GranteeKind.Group => directory.HasGroup(id),
                _ => true,
            };
            if (!known) context.AddFailure(nameof(GrantPermission.GranteeId), $"There is no active {kind.ToString().ToLowerInvariant()} '{id}' to share with.");
        });
    }
}

/// <summary>A sharer grants at most what they hold, and to a user at most what the user's level lets them use.</summary>
public sealed class GrantPermissionHandler(IGrainFactory grains, AccessSnapshots snapshots, SecuredTree tree, AccessEvaluator evaluator, ICurrentPrincipal current) : IRequestHandler<GrantPermission, ObjectShares>
{
    public async Task<ObjectShares> Handle(GrantPermission request, CancellationToken cancellationToken)
    {
        var target = request.Target;
        if (await snapshots.UserAsync(current.ActorId()) is { } sharer)
        {
            var (held, _) = await evaluator.HeldAsync(sharer, target);
            if (request.Permission > held)
                throw RequestValidationException.ForField("permission", $"You hold {held} on this {target.Object.Type}; you cannot grant {request.Permission}.");
        }
        if (request.GranteeKind == GranteeKind.User && await snapshots.UserAsync(request.GranteeId!) is { } recipient)
        {
            var level = (await snapshots.DirectoryAsync()).Level(recipient.AccessLevelId)!;
            var area = AccessAreas.Of(target.Object.Type);
            var most = MostUsable(level, area);
            if (request.Permission > most)
                throw RequestValidationException.ForField("permission",
                    $"The most {recipient.Name}'s access level {level.Name} allows on {area} is {most}; grant that or less.");
        }
        await grains.SecuredObject(target.Object).GrantAsync(new Grant(request.Grantee, request.Permission), current.ActorId());
        return await ObjectShares.ReadAsync(tree, target);
    }

    private static Permission MostUsable(AccessLevel level, AccessArea area) => level.IsSystemAdministrator ? Permission.Manage : level.Area(area).Setting switch
    {
        AreaSetting.Edit => Permission.Manage,
        AreaSetting.View => Permission.View,
        _ => Permission.None,
    };
}

public sealed class GrantPermissionEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Objects(api).MapPost("/shares", async Task<Ok<ObjectShares>> (
                IMediator sender, ObjectType containerType, string containerId, ObjectType objectType, string objectId, GrantPermissionBody body, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GrantPermission(AccessRoutes.Target(containerType, containerId, objectType, objectId),
                    body.GranteeKind, body.GranteeId, body.Permission), ct)))
            .WithName("GrantPermission").WithSummary("Shares the object with a user, team, group, everyone (system-wide) or, for documents, an email address.");
}
