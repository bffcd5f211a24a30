namespace Greenlight.Kernel.Mediator;

// Shaped like MediatR 12 so that moving to the real package is a namespace change.

/// <summary>A request answered by exactly one handler.</summary>
public interface IRequest<out TResponse>;

/// <summary>A request with no answer beyond success.</summary>
public interface IRequest : IRequest<Unit>;

public interface IRequestHandler<in TRequest, TResponse> where TRequest : IRequest<TResponse>
{
    Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
}

/// <summary>A fact that any number of handlers (none included) may react to.</summary>
public interface INotification;

public interface INotificationHandler<in TNotification> where TNotification : INotification
{
    Task Handle(TNotification notification, CancellationToken cancellationToken);
}

public delegate Task<TResponse> RequestHandlerDelegate<TResponse>();

/// <summary>Wraps every handler of a request type; registered as an open generic.</summary>
public interface IPipelineBehavior<in TRequest, TResponse> where TRequest : notnull
{
    Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken);
}

public interface ISender
{
    Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);
}

public interface IPublisher
{
    Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification;
}

public interface IMediator : ISender, IPublisher;

public readonly record struct Unit
{
    public static readonly Unit Value = default;
    public static Task<Unit> Task { get; } = System.Threading.Tasks.Task.FromResult(Value);
}
