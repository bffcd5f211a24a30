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
using Orleans.Runtime;

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

    /// <summary>Where this activation lives, so tests can see that every host reaches the same one.</summary>
    [Alias("activation"), Orleans.Concurrency.ReadOnly]
    Task<CounterActivation> GetActivationAsync();
}

/// <param name="Silo">The silo's address as Orleans parses it ("127.0.0.1:11111@123456789").</param>
[GenerateSerializer, Immutable, Alias("sample.counter-activation")]
public sealed record CounterActivation([property: Id(0)] string Silo, [property: Id(1)] string ActivationId);

[GenerateSerializer, Alias("sample.counter-state")]
public sealed class CounterState : DurableState
{
    [Id(0)]
    public long Value { get; set; }
}

[GenerateSerializer, Immutable, Alias("sample.counter-incremented")]
public sealed record CounterIncremented([property: Id(0)] string Counter, [property: Id(1)] long Value) : INotification;

[GrainType("sample.counter")]
public sealed class CounterGrain(ILocalSiloDetails silo) : DurableGrain<CounterState>, ICounterGrain
{
    public async Task<long> IncrementAsync()
    {
        State.Value++;
        Record(new CounterIncremented(this.GetPrimaryKeyString(), State.Value));
        await WriteStateAsync();
        return State.Value;
    }

    public Task<long> GetAsync() => Task.FromResult(State.Value);

    public Task<CounterActivation> GetActivationAsync() =>
        Task.FromResult(new CounterActivation(silo.SiloAddress.ToParsableString(), GrainContext.ActivationId.ToString()));
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

public sealed record GetCounterActivation(string Counter) : IRequest<CounterActivation>, IAuthenticatedRequest;

/// <summary>How often the outbox delivered the message of each value: exactly once each, whatever happened to the hosts.</summary>
public sealed record CounterDelivery(long Value, int Deliveries);

public sealed record ListCounterDeliveries(string Counter) : IRequest<IReadOnlyList<CounterDelivery>>, IAuthenticatedRequest;

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
    IRequestHandler<IncrementCounter, long>, IRequestHandler<GetCounter, long>, IRequestHandler<GetCounterActivation, CounterActivation>,
    IRequestHandler<ListCounterDeliveries, IReadOnlyList<CounterDelivery>>
{
    public Task<long> Handle(IncrementCounter request, CancellationToken cancellationToken) =>
        grains.GetGrain<ICounterGrain>(request.Counter).IncrementAsync();

    public Task<long> Handle(GetCounter request, CancellationToken cancellationToken) =>
        grains.GetGrain<ICounterGrain>(request.Counter).GetAsync();

    public Task<CounterActivation> Handle(GetCounterActivation request, CancellationToken cancellationToken) =>
        grains.GetGrain<ICounterGrain>(request.Counter).GetActivationAsync();

    public async Task<IReadOnlyList<CounterDelivery>> Handle(ListCounterDeliveries request, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT value, deliveries FROM sample_counter_deliveries WHERE counter_key = @key ORDER BY value", ("key", request.Counter));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var deliveries = new List<CounterDelivery>();
        while (await reader.ReadAsync(cancellationToken)) deliveries.Add(new CounterDelivery(reader.GetInt64(0), reader.GetInt32(1)));
        return deliveries;
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
        group.MapGet("/activation", async Task<Ok<CounterActivation>> (IMediator sender, string counter, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetCounterActivation(counter), ct)));
        group.MapGet("/deliveries", async Task<Ok<IReadOnlyList<CounterDelivery>>> (IMediator sender, string counter, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListCounterDeliveries(counter), ct)));
    }
}
