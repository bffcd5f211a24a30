using FluentValidation;
using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using MediatR;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Levels;
using Greenlight.Modules.Access.Permissions;
using Greenlight.Modules.Access.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Modules.Access.Explain;

/// <summary>
/// May this user do this, and why: for System Administrators about anyone, for a user about
/// themself. Either must be able to view the object (or, for a create, the parent).
/// </summary>
public sealed record ExplainAccess(SecuredRef Target, string UserId, AccessAction Action, ObjectType? ChildType) :
    IRequest<AccessExplanation>, ISelfOrAdministratorRequest, ISecuredRequest
{
    public AccessCheck Check => AccessCheck.On(Target, AccessAction.View);
}

/// <param name="Cap">The most the level allows for this action, on the permission scale.</param>
public sealed record LevelLimit(string Id, string Name, License License, AccessArea Area, AreaSettings Setting, Permission Cap);

/// <param name="Granted">As granted; <paramref name="Counts"/> is what it gives on this object (Contribute reads as Manage on documents).</param>
/// <param name="Source">The route in words: "direct", "team t1", "group g2 (through its subgroup g3)", "system-wide", "email", with the ancestor it is inherited from.</param>
public sealed record GrantSource(Grantee Grantee, Permission Granted, Permission Counts, GrantRoute Route, string? ViaGroupId, ObjectRef? InheritedFrom, string Source);

public sealed record AccessExplanation(
    string UserId, SecuredRef Target, AccessAction Action, ObjectType? ChildType, bool Allowed, string Reason,
    LevelLimit Level, Permission Held, Permission Needed, IReadOnlyList<GrantSource> Grants);

public sealed class ExplainAccessValidator : AbstractValidator<ExplainAccess>
{
    public ExplainAccessValidator()
    {
        RuleFor(r => r.UserId).NotEmpty();
        this.RequireChildTypeForCreate(r => r.Action, r => r.ChildType);
    }
}

public static class ChildTypeRule
{
    /// <summary>A create is asked about with the type of object it would create.</summary>
    public static void RequireChildTypeForCreate<T>(this AbstractValidator<T> validator, Func<T, AccessAction> action, System.Linq.Expressions.Expression<Func<T, ObjectType?>> childType) =>
        validator.RuleFor(childType).NotNull().When(r => action(r) == AccessAction.Create).WithMessage("Say what would be created (childType).");
}

public sealed class ExplainAccessHandler(AccessSnapshots snapshots, AccessEvaluator evaluator) : IRequestHandler<ExplainAccess, AccessExplanation>
{
    public async Task<AccessExplanation> Handle(ExplainAccess request, CancellationToken cancellationToken)
    {
        var user = await snapshots.UserAsync(request.UserId) ?? throw new NotFoundException($"User '{request.UserId}'");
        var evaluation = await evaluator.EvaluateAsync(user, new AccessCheck(request.Action, request.Target, request.ChildType));
        if (!evaluation.Known) throw new NotFoundException($"The object {request.Target}");
        var verdict = evaluation.Verdict;
        var area = AccessAreas.Of(request.ChildType ?? request.Target.Object.Type);
        var level = new LevelLimit(evaluation.Level.Id, evaluation.Level.Name, evaluation.Level.License, area,
            AreaSettings.From(evaluation.Level.Area(area)), verdict.LevelCap);
        return new AccessExplanation(user.Id, request.Target, request.Action, request.ChildType, verdict.Allowed, verdict.Reason,
            level, verdict.Held, verdict.Needed, [.. evaluation.Resolved.Grants.Select(Describe)]);
    }

    private static GrantSource Describe(CountedGrant grant)
    {
        var route = grant.Route switch
        {
            GrantRoute.Direct => "direct",
            GrantRoute.Team => $"team {grant.Grant.Grantee.Id}",
            GrantRoute.Group => $"group {grant.Grant.Grantee.Id}",
            GrantRoute.Subgroup => $"group {grant.Grant.Grantee.Id} (through its subgroup {grant.ViaGroupId})",
            GrantRoute.SystemWide => "system-wide",
            _ => $"email {grant.Grant.Grantee.Id}",
        };
        var source = grant.InheritedFrom is { } from ? $"{route}, inherited from {from}" : route;
        return new GrantSource(grant.Grant.Grantee, grant.Grant.Permission, grant.Permission, grant.Route, grant.ViaGroupId, grant.InheritedFrom, source);
    }
}

public sealed class ExplainAccessEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Objects(api).MapGet("/explain", async Task<Ok<AccessExplanation>> (
                IMediator sender, ObjectType containerType, string containerId, ObjectType objectType, string objectId,
                string userId, AccessAction action, ObjectType? childType, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ExplainAccess(AccessRoutes.Target(containerType, containerId, objectType, objectId), userId, action, childType), ct)))
            .WithName("ExplainAccess")
            .WithSummary("Allowed or denied, and why: the access level's cap and every grant that counts, with where it comes from.");
}
