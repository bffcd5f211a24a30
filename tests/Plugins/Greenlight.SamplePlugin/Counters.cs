using FluentValidation;
using MediatR;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.SamplePlugin;

// A module as small as one can be: a grain with state, an outbox message and its handler writing a
// table of the module's own, a request with a validator, and endpoints. Probes.cs adds a handler
// that fails on demand, for tests of the outbox's parking.

[Alias("sample.counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("increment")]
    Task<long> IncrementAsync();

    [Alias("get"), Orleans.Concurrency.ReadOnly]
    Task<long> GetAsync();
}

[GenerateSerializer, Alias("sample.counter-state")]
public sealed class CounterState : DurableState
{
    [Id(0)]
    public long Value { get; set; }
}

[Alias("sample.counter-incremented")]
public sealed record CounterIncremented(string Counter, long Value) : INotification;

[GrainType("sample.counter")]
public sealed class CounterGrain : DurableGrain<CounterState>, ICounterGrain
{
    public async Task<long> IncrementAsync()
    {
        State.Value++;
        Record(new CounterIncremented(this.GetPrimaryKeyString(), State.Value));
        await WriteStateAsync();
        return State.Value;
    }

    public Task<long> GetAsync() => Task.FromResult(State.Value);
}

public sealed class CounterDeliveriesTable() : PortableMigration("sample-0001-counter-deliveries", """
    CREATE TABLE IF NOT EXISTS sample_counter_deliveries (
        counter_key TEXT NOT NULL,
        value BIGINT NOT NULL,
        deliveries INTEGER NOT NULL,
        PRIMARY KEY (counter_key, value));
    """);

/// <summary>Records each delivery, so tests see that every message arrived (and how often).</summary>
public sealed class RecordCounterIncrement(IStore store) : INotificationHandler<CounterIncremented>
{
    public Task Handle(CounterIncremented notification, CancellationToken cancellationToken) =>
        store.InTransactionAsync(tx => tx.ExecuteAsync("""
            INSERT INTO sample_counter_deliveries (counter_key, value, deliveries) VALUES (@key, @value, 1)
            ON CONFLICT (counter_key, value) DO UPDATE SET deliveries = sample_counter_deliveries.deliveries + 1
            """, ("key", notification.Counter), ("value", notification.Value)), cancellationToken);
}

public sealed record IncrementCounter(string Counter) : IRequest<long>, IAuthenticatedRequest;

public sealed record GetCounter(string Counter) : IRequest<long>, IAuthenticatedRequest;

public sealed record ListCounterDeliveries(string Counter) : IRequest<IReadOnlyList<long>>, IAuthenticatedRequest;

public sealed class IncrementCounterValidator : AbstractValidator<IncrementCounter>
{
    public IncrementCounterValidator() => RuleFor(r => r.Counter).MustBeSampleKey();
}

public static class SampleKeyRule
{
    /// <summary>The keys the sample endpoints accept in their paths: short, lower-case, URL-safe.</summary>
    public static IRuleBuilderOptions<T, string> MustBeSampleKey<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(50).Matches("^[a-z0-9-]+$");
}

public sealed class CounterHandlers(IGrainFactory grains, IStore store) :
    IRequestHandler<IncrementCounter, long>, IRequestHandler<GetCounter, long>, IRequestHandler<ListCounterDeliveries, IReadOnlyList<long>>
{
    public Task<long> Handle(IncrementCounter request, CancellationToken cancellationToken) =>
        grains.GetGrain<ICounterGrain>(request.Counter).IncrementAsync();

    public Task<long> Handle(GetCounter request, CancellationToken cancellationToken) =>
        grains.GetGrain<ICounterGrain>(request.Counter).GetAsync();

    public async Task<IReadOnlyList<long>> Handle(ListCounterDeliveries request, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT value FROM sample_counter_deliveries WHERE counter_key = @key ORDER BY value", ("key", request.Counter));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<long>();
        while (await reader.ReadAsync(cancellationToken)) values.Add(reader.GetInt64(0));
        return values;
    }
}

public sealed class CounterEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/sample/counters/{counter}").WithTags("Sample plugin");
        group.MapPost("/increment", async Task<Ok<long>> (IMediator sender, string counter, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new IncrementCounter(counter), ct)));
        group.MapGet("/", async Task<Ok<long>> (IMediator sender, string counter, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetCounter(counter), ct)));
        group.MapGet("/deliveries", async Task<Ok<IReadOnlyList<long>>> (IMediator sender, string counter, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListCounterDeliveries(counter), ct)));
    }
}
