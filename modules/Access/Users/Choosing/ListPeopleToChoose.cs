using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Levels;
using Greenlight.Modules.Access.Policy;
using MediatR;

namespace Greenlight.Modules.Access.Users.Choosing;

/// <summary>A form offers only whom the person could read in the directory: a deactivated user cannot take part, so is not offered.</summary>
public sealed class ListPeopleToChooseHandler(AccessSnapshots snapshots, DirectoryReading directory, IStore store) : IRequestHandler<ListPeopleToChoose, PeopleChoices>
{
    public async Task<PeopleChoices> Handle(ListPeopleToChoose request, CancellationToken cancellationToken)
    {
        if (await snapshots.UserAsync(request.UserId) is not { Active: true } caller) return new([], []);
        IEnumerable<UserProfile> users = (await directory.MayReadAsync(caller, AccessArea.Users)).Allowed
            ? (await UserRows.ListAsync(store, cancellationToken)).Where(u => u.Active)
            : [caller];
        var teams = (await directory.MayReadAsync(caller, AccessArea.Teams)).Allowed ? (await snapshots.DirectoryAsync()).Teams.Values : [];
        return new(
            [.. users.OrderBy(u => u.Name, StringComparer.CurrentCulture).ThenBy(u => u.Email, StringComparer.Ordinal).Select(u => new PersonChoice(u.Id, u.Name, u.Email))],
            [.. teams.OrderBy(t => t.Name, StringComparer.CurrentCulture).Select(t => new TeamChoice(t.Id, t.Name))]);
    }
}
