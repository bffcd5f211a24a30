using MediatR;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;

namespace Greenlight.Modules.Access.Teams;

public sealed class GetTeamNamesHandler(AccessSnapshots snapshots) : IRequestHandler<GetTeamNames, IReadOnlyDictionary<string, string>>
{
    public async Task<IReadOnlyDictionary<string, string>> Handle(GetTeamNames request, CancellationToken cancellationToken)
    {
        var teams = (await snapshots.DirectoryAsync()).Teams;
        return request.TeamIds.Distinct().Where(teams.ContainsKey).ToDictionary(id => id, id => teams[id].Name);
    }
}
