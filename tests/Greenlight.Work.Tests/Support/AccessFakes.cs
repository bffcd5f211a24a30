using System.Collections.Concurrent;
using MediatR;
using Greenlight.Modules.Access.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Work.Tests.Support;

/// <summary>What Work sent to the Access module, in order. The Access module's handlers are replaced by fakes that record here.</summary>
public sealed class AccessLog
{
    private readonly ConcurrentQueue<object> _sent = new();
    private readonly ConcurrentQueue<Func<object, bool>> _failures = new();

    private void Add(object request) => _sent.Enqueue(request);

    /// <summary>
    /// The next request matching is not taken: its handler throws as when the host holding the Access module's grain
    /// stopped (the request answers 503), after Work's write.
    /// </summary>
    public void FailOnce<T>(Func<T, bool> match)
    {
        var failed = 0;
        _failures.Enqueue(request => request is T sent && match(sent) && Interlocked.Exchange(ref failed, 1) == 0);
    }

    /// <summary>Records the request, or throws if it is one to fail.</summary>
    public void Take(object request)
    {
        if (_failures.Any(fails => fails(request))) throw new TimeoutException($"{request.GetType().Name} was lost, as on a host that stopped.");
        Add(request);
    }

    public IReadOnlyList<T> Sent<T>() => [.. _sent.OfType<T>()];

    /// <summary>Users the fake GetUserProfile knows.</summary>
    public ConcurrentDictionary<string, UserProfile> Users { get; } = new();

    public static UserProfile User(string id) =>
        new(id, id, $"{id}@example.test", "standard", License.Standard, false, true, false, null, [], null, []);
}

public sealed class RecordAccessRequest<TRequest>(AccessLog log) : IRequestHandler<TRequest, Unit> where TRequest : IRequest<Unit>
{
    public Task<Unit> Handle(TRequest request, CancellationToken cancellationToken)
    {
        log.Take(request!);
        return Unit.Task;
    }
}

public sealed class FakeAccessQueries(AccessLog log) :
    IRequestHandler<FilterViewable, IReadOnlyList<SecuredRef>>, IRequestHandler<GetUserProfile, UserProfile?>, IRequestHandler<GetTeamMembers, IReadOnlyList<string>>
{
    public Task<IReadOnlyList<SecuredRef>> Handle(FilterViewable request, CancellationToken cancellationToken) => Task.FromResult(request.Objects);

    public Task<UserProfile?> Handle(GetUserProfile request, CancellationToken cancellationToken) =>
        Task.FromResult(log.Users.GetValueOrDefault(request.UserId));

    public Task<IReadOnlyList<string>> Handle(GetTeamMembers request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}

public static class AccessFakes
{
    public static void Replace(IServiceCollection services, AccessLog log)
    {
        services.AddSingleton(log);
        services.AddTransient<IRequestHandler<RegisterSecuredObject, Unit>, RecordAccessRequest<RegisterSecuredObject>>();
        services.AddTransient<IRequestHandler<MoveSecuredObject, Unit>, RecordAccessRequest<MoveSecuredObject>>();
        services.AddTransient<IRequestHandler<RemoveSecuredObject, Unit>, RecordAccessRequest<RemoveSecuredObject>>();
        services.AddTransient<IRequestHandler<GrantAssigneeAccess, Unit>, RecordAccessRequest<GrantAssigneeAccess>>();
        services.AddTransient<IRequestHandler<FilterViewable, IReadOnlyList<SecuredRef>>, FakeAccessQueries>();
        services.AddTransient<IRequestHandler<GetUserProfile, UserProfile?>, FakeAccessQueries>();
        services.AddTransient<IRequestHandler<GetTeamMembers, IReadOnlyList<string>>, FakeAccessQueries>();
    }
}
