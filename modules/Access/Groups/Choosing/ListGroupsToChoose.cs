using MediatR;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Organization;

namespace Greenlight.Modules.Access.Groups.Choosing;

/// <summary>
/// A grant through a group reaches its subgroups (the access model), so a person who belongs to or administers a group may
/// also pick one of its subgroups; an administrator may pick any group.
/// </summary>
public sealed class ListGroupsToChooseHandler(AccessSnapshots snapshots) : IRequestHandler<ListGroupsToChoose, IReadOnlyList<GroupChoice>>
{
    public async Task<IReadOnlyList<GroupChoice>> Handle(ListGroupsToChoose request, CancellationToken cancellationToken)
    {
        if (await snapshots.UserAsync(request.UserId) is not { Active: true } user) return [];
        var directory = await snapshots.DirectoryAsync();
        var own = user.GroupIds.Append(user.HomeGroupId).OfType<string>().ToHashSet();
        bool MayChoose(string groupId) => user.IsSystemAdministrator
            || directory.SelfAndAncestors(groupId).Any(g => own.Contains(g) || directory.Groups[g].AdministratorIds.Contains(user.Id));
        return [.. InTreeOrder(directory, parentId: null).Where(g => MayChoose(g.Id))];
    }

    private static IEnumerable<GroupChoice> InTreeOrder(DirectoryView directory, string? parentId) =>
        directory.Groups.Values.Where(g => g.ParentId == parentId).OrderBy(g => g.Name, StringComparer.Ordinal)
            .SelectMany(g => InTreeOrder(directory, g.Id).Prepend(new GroupChoice(g.Id, g.Name, directory.Depth(g.Id))));
}
