using FluentValidation;
using MediatR;
using Greenlight.Kernel.Http;
using Greenlight.Kernel.Outbox;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.SamplePlugin;

// A message whose handler fails on demand, so tests can drive the outbox into parking it and then
// retry it: a probe's handler throws while the probe's row says "failing".

[GenerateSerializer, Immutable, Alias("sample.probe-fired")]
public sealed record ProbeFired([property: Id(0)] string Probe) : INotification;

public sealed class ProbesTable() : PortableMigration("sample-0002-probes", """
    CREATE TABLE IF NOT EXISTS sample_probes (
        probe_key TEXT PRIMARY KEY,
        failing INTEGER NOT NULL,
        deliveries INTEGER NOT NULL);
    """);

public sealed class RecordProbeDelivery(IStore store) : INotificationHandler<ProbeFired>
{
    public Task Handle(ProbeFired notification, CancellationToken cancellationToken) =>
        store.InTransactionAsync(async tx =>
        {
            if (await tx.ScalarAsync<long>("SELECT failing FROM sample_probes WHERE probe_key = @key", ("key", notification.Probe)) != 0)
                throw new InvalidOperationException($"Probe '{notification.Probe}' is set to fail.");
            await tx.ExecuteAsync("""
                INSERT INTO sample_probes (probe_key, failing, deliveries) VALUES (@key, 0, 1)
                ON CONFLICT (probe_key) DO UPDATE SET deliveries = sample_probes.deliveries + 1
                """, ("key", notification.Probe));
        }, cancellationToken);
}

public sealed record ProbeSwitch(bool Failing);

public sealed record SetProbeFailing(string Probe, bool Failing) : IRequest, IAuthenticatedRequest;

public sealed record FireProbe(string Probe) : IRequest, IAuthenticatedRequest;

public sealed record CountProbeDeliveries(string Probe) : IRequest<long>, IAuthenticatedRequest;

public sealed class SetProbeFailingValidator : AbstractValidator<SetProbeFailing>
{
    public SetProbeFailingValidator() => RuleFor(r => r.Probe).MustBeSampleKey();
}

public sealed class FireProbeValidator : AbstractValidator<FireProbe>
{
    public FireProbeValidator() => RuleFor(r => r.Probe).MustBeSampleKey();
}

public sealed class ProbeHandlers(IStore store, IOutbox outbox) :
    IRequestHandler<SetProbeFailing, Unit>, IRequestHandler<FireProbe, Unit>, IRequestHandler<CountProbeDeliveries, long>
{
    public async Task<Unit> Handle(SetProbeFailing request, CancellationToken cancellationToken)
    {
        await store.InTransactionAsync(tx => tx.ExecuteAsync("""
            INSERT INTO sample_probes (probe_key, failing, deliveries) VALUES (@key, @failing, 0)
            ON CONFLICT (probe_key) DO UPDATE SET failing = @failing
            """, ("key", request.Probe), ("failing", request.Failing ? 1 : 0)), cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(FireProbe request, CancellationToken cancellationToken)
    {
        await outbox.EnqueueAsync(store, new ProbeFired(request.Probe), cancellationToken: cancellationToken);
        return Unit.Value;
    }

    public async Task<long> Handle(CountProbeDeliveries request, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return await connection.ScalarAsync<long>("SELECT deliveries FROM sample_probes WHERE probe_key = @key", ("key", request.Probe));
    }
}

public sealed class ProbeEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/sample/probes/{probe}").WithTags("Sample plugin");
        group.MapPut("/", async Task<NoContent> (IMediator sender, string probe, ProbeSwitch body, CancellationToken ct) =>
        {
            await sender.Send(new SetProbeFailing(probe, body.Failing), ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/fire", async Task<NoContent> (IMediator sender, string probe, CancellationToken ct) =>
        {
            await sender.Send(new FireProbe(probe), ct);
            return TypedResults.NoContent();
        });
        group.MapGet("/deliveries", async Task<Ok<long>> (IMediator sender, string probe, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CountProbeDeliveries(probe), ct)));
    }
}
