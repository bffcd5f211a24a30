using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Levels;
using Greenlight.Modules.Access.Policy;
using Greenlight.Modules.Access.Organization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Modules.Access.Groups;

/// <param name="Administrators">The group's own administrators and those it inherits from the groups above.</param>
public sealed record GroupView(string Id, string Name, string? ParentId, int Depth, IReadOnlyList<string> OwnAdministrators, IReadOnlyList<string> Administrators)
{
    public static GroupView From(GroupData group, DirectoryView directory) =>
        new(group.Id, group.Name, group.ParentId, directory.Depth(group.Id), group.AdministratorIds, [.. directory.AdministratorsOf(group.Id)]);
}

/// <summary>Groups are the directory's departments: read with the Users area.</summary>
public sealed record ListGroups : IRequest<IReadOnlyList<GroupView>>, IDirectoryReadRequest
{
    public AccessArea Area => AccessArea.Users;
}

public sealed class ListGroupsHandler(AccessSnapshots snapshots) : IRequestHandler<ListGroups, IReadOnlyList<GroupView>>
{
    public async Task<IReadOnlyList<GroupView>> Handle(ListGroups request, CancellationToken cancellationToken)
    {
        var directory = await snapshots.DirectoryAsync();
        return [.. directory.Groups.Values.OrderBy(g => g.Name, StringComparer.Ordinal).Select(g => GroupView.From(g, directory))];
    }
}

public sealed class ListGroupsEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Groups(api).MapGet("/", async Task<Ok<IReadOnlyList<GroupView>>> (IMediator sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListGroups(), ct))).WithName("ListGroups");
}
