using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Kernel.Mediator;

/// <summary>
/// Resolves handlers and behaviours from the scope it lives in. The closed generic dispatcher per
/// request type is built once, so a send costs two service lookups and no reflection.
/// </summary>
public sealed class Mediator(IServiceProvider services) : IMediator
{
    private static readonly ConcurrentDictionary<Type, RequestDispatcher> Dispatchers = new();

    public Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dispatcher = (RequestDispatcher<TResponse>)Dispatchers.GetOrAdd(request.GetType(), static requestType =>
            (RequestDispatcher)Activator.CreateInstance(
                typeof(RequestDispatcher<,>).MakeGenericType(requestType, typeof(TResponse)))!);
        return dispatcher.Send(request, services, cancellationToken);
    }

    public async Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        ArgumentNullException.ThrowIfNull(notification);
        foreach (var handler in services.GetServices<INotificationHandler<TNotification>>())
            await handler.Handle(notification, cancellationToken);
    }

    private abstract class RequestDispatcher;

    private abstract class RequestDispatcher<TResponse> : RequestDispatcher
    {
        public abstract Task<TResponse> Send(IRequest<TResponse> request, IServiceProvider services, CancellationToken ct);
    }

    private sealed class RequestDispatcher<TRequest, TResponse> : RequestDispatcher<TResponse>
        where TRequest : IRequest<TResponse>
    {
        public override Task<TResponse> Send(IRequest<TResponse> request, IServiceProvider services, CancellationToken ct)
        {
            var typed = (TRequest)request;
            var handler = services.GetService<IRequestHandler<TRequest, TResponse>>()
                ?? throw new InvalidOperationException($"No handler is registered for {typeof(TRequest).Name}.");
            RequestHandlerDelegate<TResponse> next = () => handler.Handle(typed, ct);
            // Registration order is pipeline order: the first registered behaviour runs outermost.
            foreach (var behaviour in services.GetServices<IPipelineBehavior<TRequest, TResponse>>().Reverse())
            {
                var inner = next;
                next = () => behaviour.Handle(typed, inner, ct);
            }
            return next();
        }
    }
}
