using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Modules.FrameConnector.Common;

/// <summary>
/// Sends module requests from grains, which live outside any request scope: each call gets a scope of its
/// own as the system principal. The connector checks the acting user's rights itself (CheckAccess) first.
/// </summary>
public sealed class SystemSender(IServiceScopeFactory scopes)
{
    public async Task<T> SendAsync<T>(IRequest<T> request, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentPrincipal>().Set(Principal.System);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }
}
