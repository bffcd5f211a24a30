using System.Collections.Concurrent;
using MediatR;
using Greenlight.Kernel.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Review.Tests.Support;

/// <summary>
/// The Access module as far as Review needs it: users with a license, teams, and permissions on objects that the
/// test grants. It decides secured requests, answers CheckAccess, GetUserProfile and GetTeamMembers, and takes the
/// Work module's registrations without keeping them.
/// </summary>
public sealed class FakeAccess : IAccessPolicy
{
    private readonly ConcurrentDictionary<(string User, string Object), Permission> _grants = new();

    public ConcurrentDictionary<string, UserProfile> Users { get; } = new();

    public ConcurrentDictionary<string, IReadOnlyList<string>> Teams { get; } = new();

    public UserProfile AddUser(string id, License license, bool administrator = false, IReadOnlyList<string>? teams = null) =>
        Users[id] = new UserProfile(id, id, $"{id}@example.test", license.ToString(), license, administrator, true, false, null, [], null, teams ?? []);

    public void Grant(string userId, string objectId, Permission permission) => _grants[(userId, objectId)] = permission;

    public AccessAnswer Check(string userId, AccessCheck check)
    {
        if (Users.TryGetValue(userId, out var user) && user.IsSystemAdministrator) return new AccessAnswer(true, Permission.Manage, "administrator");
        var needed = check.Action == AccessAction.View ? Permission.View : Permission.Manage;
        var held = check.Target is { } target ? _grants.GetValueOrDefault((userId, target.Object.Id)) : Permission.None;
        return new AccessAnswer(held >= needed, held, held >= needed ? "granted" : "not shared");
    }

    public ValueTask<AccessDecision> DecideAsync(Principal principal, object request, CancellationToken cancellationToken) => ValueTask.FromResult(request switch
    {
        ISecuredRequest secured when Check(principal.UserId, secured.Check) is { Allowed: false } answer =>
            answer.Held == Permission.None ? AccessDecision.DenyAsNotFound(answer.Reason) : AccessDecision.Deny(answer.Reason),
        ISecuredRequest or IAuthenticatedRequest or IModuleRequest => AccessDecision.Allow("fake"),
        _ => Users.TryGetValue(principal.UserId, out var u) && u.IsSystemAdministrator ? AccessDecision.Allow("administrator") : AccessDecision.Deny("fake"),
    });

    public static void Replace(IServiceCollection services, FakeAccess access)
    {
        services.AddSingleton(access);
        services.AddSingleton<IAccessPolicy>(access);
        services.AddTransient<IRequestHandler<CheckAccess, AccessAnswer>, FakeAccessQueries>();
        services.AddTransient<IRequestHandler<GetUserProfile, UserProfile?>, FakeAccessQueries>();
        services.AddTransient<IRequestHandler<GetTeamMembers, IReadOnlyList<string>>, FakeAccessQueries>();
        services.AddTransient<IRequestHandler<RegisterSecuredObject, Unit>, Disregard<RegisterSecuredObject>>();
        services.AddTransient<IRequestHandler<MoveSecuredObject, Unit>, Disregard<MoveSecuredObject>>();
        services.AddTransient<IRequestHandler<RemoveSecuredObject, Unit>, Disregard<RemoveSecuredObject>>();
    }
}

public sealed class FakeAccessQueries(FakeAccess access) :
    IRequestHandler<CheckAccess, AccessAnswer>, IRequestHandler<GetUserProfile, UserProfile?>, IRequestHandler<GetTeamMembers, IReadOnlyList<string>>
{
    public Task<AccessAnswer> Handle(CheckAccess request, CancellationToken cancellationToken) => Task.FromResult(access.Check(request.UserId, request.Check));

    public Task<UserProfile?> Handle(GetUserProfile request, CancellationToken cancellationToken) => Task.FromResult(access.Users.GetValueOrDefault(request.UserId));

    public Task<IReadOnlyList<string>> Handle(GetTeamMembers request, CancellationToken cancellationToken) =>
        Task.FromResult(access.Teams.GetValueOrDefault(request.TeamId) ?? []);
}

public sealed class Disregard<TRequest> : IRequestHandler<TRequest, Unit> where TRequest : IRequest<Unit>
{
    public Task<Unit> Handle(TRequest request, CancellationToken cancellationToken) => Unit.Task;
}
