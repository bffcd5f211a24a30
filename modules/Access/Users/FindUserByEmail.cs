using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using MediatR;

namespace Greenlight.Modules.Access.Users;

// The module requests FindUserByEmail (the FrameConnector matches Frame.io people to users by e-mail) and GroupExists.

public sealed class DirectoryModuleRequests(AccessSnapshots snapshots, IStore store) :
    IRequestHandler<FindUserByEmail, UserProfile?>, IRequestHandler<GroupExists, bool>
{
    public async Task<UserProfile?> Handle(FindUserByEmail request, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT id FROM access_users WHERE LOWER(email) = LOWER(@email) AND active = 1 ORDER BY id LIMIT 2", ("email", request.Email.Trim()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids.Count == 1 ? await snapshots.UserAsync(ids[0]) : null;
    }

    public async Task<bool> Handle(GroupExists request, CancellationToken cancellationToken) =>
        (await snapshots.DirectoryAsync()).Groups.ContainsKey(request.GroupId);
}
