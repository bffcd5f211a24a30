namespace Greenlight.Modules.Work.Common;

/// <summary>
/// What a console page asks before it offers an action: would the Access module allow the signed-in person the check of the
/// very request the action sends? The request is still checked when sent; this only keeps a page from offering what is refused.
/// </summary>
public sealed class ConsoleAccess(IMediator sender, ICurrentPrincipal current)
{
    public Task<bool> MayAsync(ISecuredRequest request) => MayAsync(request.Check);

    /// <summary>For a form that sends a request of a type it does not know: one that is not secured is not offered.</summary>
    public async Task<bool> MaySendAsync<TResponse>(IRequest<TResponse> request) => request is ISecuredRequest secured && await MayAsync(secured);

    public async Task<bool> MayAsync(AccessCheck check) =>
        current.Principal?.UserId is { } user && (await sender.Send(new CheckAccess(user, check))).Allowed;
}
