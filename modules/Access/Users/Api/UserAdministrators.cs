using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Groups;
using MediatR;

namespace Greenlight.Modules.Access.Users.Api;

/// <summary>Whether the console offers a person the actions that change users.</summary>
public static class UserAdministrators
{
    /// <summary>
    /// As the API decides: a System Administrator, or a group's administrator (who may change the users of their groups;
    /// the request itself still says no for anyone else's).
    /// </summary>
    public static async Task<bool> IsOneAsync(IMediator mediator, string userId) =>
        (await mediator.Send(new GetUserProfile(userId)))?.IsSystemAdministrator == true
        || (await new Kernel.Pages.ProblemFields().TryAsync(() => mediator.Send(new ListGroups())) ?? []).Any(g => g.Administrators.Contains(userId));
}
