using System.Collections.Concurrent;
using MediatR;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Work.Tests.Support;

/// <summary>Every Work notification the outbox delivered to the test's handler.</summary>
public sealed class NotificationLog
{
    private readonly ConcurrentQueue<INotification> _delivered = new();

    public void Add(INotification notification) => _delivered.Enqueue(notification);

    /// <summary>Waits until a delivered <typeparamref name="T"/> matches.</summary>
    public Task<T> WaitForAsync<T>(Func<T, bool> match) where T : INotification =>
        Eventually.MatchesAsync(() => Task.FromResult(_delivered.OfType<T>().FirstOrDefault(match)), found => found is not null,
            TimeSpan.FromSeconds(10), $"delivered a matching {typeof(T).Name}")!;

    /// <summary>Registers an outbox handler for every notification type of Work's contracts.</summary>
    public static void Register(IServiceCollection services, NotificationLog log)
    {
        services.AddSingleton(log);
        foreach (var type in typeof(ProjectCreated).Assembly.GetTypes()
                     .Where(t => t.Namespace == typeof(ProjectCreated).Namespace && typeof(INotification).IsAssignableFrom(t)))
            services.AddTransient(typeof(INotificationHandler<>).MakeGenericType(type), typeof(RecordNotification<>).MakeGenericType(type));
    }
}

public sealed class RecordNotification<T>(NotificationLog log) : INotificationHandler<T> where T : INotification
{
    public Task Handle(T notification, CancellationToken cancellationToken)
    {
        log.Add(notification);
        return Task.CompletedTask;
    }
}
