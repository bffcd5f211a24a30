using Greenlight.Kernel.Pages;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;

namespace Greenlight.Modules.Access.Groups;

/// <summary>
/// The console menu's audiences, as the policy sees people: a System Administrator is one by their level; a group administrator
/// is an active Standard-license user who administers a group (the requests of the Setup pages allow no one else).
/// </summary>
public sealed class ConsoleAudiences(AccessSnapshots snapshots, ICurrentPrincipal current) : IConsoleAudiences
{
    public async Task<bool> IncludesCurrentAsync(ConsoleAudience audience, CancellationToken cancellationToken)
    {
        if (audience == ConsoleAudience.Everyone) return true;
        if (current.Principal?.UserId is not { } userId || await snapshots.UserAsync(userId) is not { Active: true } user) return false;
        if (user.IsSystemAdministrator) return true;
        return audience == ConsoleAudience.Administrators && user.License == License.Standard
            && (await snapshots.DirectoryAsync()).Groups.Values.Any(group => group.AdministratorIds.Contains(userId));
    }
}
