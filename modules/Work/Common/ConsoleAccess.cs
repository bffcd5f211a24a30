namespace Greenlight.Modules.Work.Common;

/// <summary>
/// What a console page asks before it offers an action: would the Access module allow the signed-in person the check of the
/// very request the action sends? The request is still checked when sent; this only keeps a page from offering what is refused.
/// </summary>
public sealed class ConsoleAccess(IMediator sender, ICurrentPrincipal current)
{
    public Task<bool> MayAsync(ISecuredRequest request) => MayAsync(request.Check);

    public async Task<bool> MayAsync(AccessCheck check) =>
        current.Principal?.UserId is { } user && (await sender.Send(new CheckAccess(user, check))).Allowed;
}
