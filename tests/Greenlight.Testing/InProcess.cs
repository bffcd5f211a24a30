using MediatR;
using Greenlight.Kernel.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Testing;

/// <summary>Requests sent inside the host, as another module or a background job sends them.</summary>
public static class InProcess
{
    /// <summary>Sends <paramref name="request"/> through the host's mediator in a scope of its own, as the system principal.</summary>
    public static async Task<T> SendAsSystemAsync<T>(this TestHost host, IRequest<T> request)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentPrincipal>().Set(Principal.System);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }
}
