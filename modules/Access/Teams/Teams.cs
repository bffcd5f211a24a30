using FluentValidation;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Levels;
using Greenlight.Modules.Access.Policy;
using Greenlight.Modules.Access.Organization;
using Greenlight.Modules.Access.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Modules.Access.Teams;

// Teams are working units; members join through their profile (home team and other teams).

public sealed record CreateTeam(string Name) : IRequest<TeamData>, IAdministrativeRequest;

public sealed record ListTeams : IRequest<IReadOnlyList<TeamData>>, IDirectoryReadRequest
{
    public AccessArea Area => AccessArea.Teams;
}

public sealed record ListTeamMembers(string TeamId) : IRequest<IReadOnlyList<string>>, IDirectoryReadRequest
{
    public AccessArea Area => AccessArea.Teams;
}

public sealed class CreateTeamValidator : AbstractValidator<CreateTeam>
{
    public CreateTeamValidator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
}

public sealed class TeamHandlers(IGrainFactory grains, AccessSnapshots snapshots, IStore store, ICurrentPrincipal current) :
    IRequestHandler<CreateTeam, TeamData>, IRequestHandler<ListTeams, IReadOnlyList<TeamData>>, IRequestHandler<ListTeamMembers, IReadOnlyList<string>>
{
    public async Task<TeamData> Handle(CreateTeam request, CancellationToken cancellationToken)
    {
        var team = new TeamData(Guid.NewGuid().ToString("N"), request.Name);
        await grains.Directory().SaveTeamAsync(team, current.ActorId());
        return team;
    }

    public async Task<IReadOnlyList<TeamData>> Handle(ListTeams request, CancellationToken cancellationToken) =>
        [.. (await snapshots.DirectoryAsync()).Teams.Values.OrderBy(t => t.Name, StringComparer.Ordinal)];

    public Task<IReadOnlyList<string>> Handle(ListTeamMembers request, CancellationToken cancellationToken) =>
        UserRows.TeamMembersAsync(store, request.TeamId, cancellationToken);
}

public sealed class TeamEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var teams = AccessRoutes.Teams(api);
        teams.MapPost("/", async Task<Created<TeamData>> (IMediator sender, CreateTeam request, CancellationToken ct) =>
        {
            var team = await sender.Send(request, ct);
            return TypedResults.Created($"/api/v1/access/teams/{team.Id}", team);
        }).WithName("CreateTeam");
        teams.MapGet("/", async Task<Ok<IReadOnlyList<TeamData>>> (IMediator sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListTeams(), ct))).WithName("ListTeams");
        teams.MapGet("/{id}/members", async Task<Ok<IReadOnlyList<string>>> (IMediator sender, string id, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListTeamMembers(id), ct))).WithName("ListTeamMembers").WithSummary("The ids of the team's active members.");
    }
}
