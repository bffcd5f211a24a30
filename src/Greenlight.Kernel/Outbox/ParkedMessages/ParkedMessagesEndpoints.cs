using Greenlight.Kernel.Http;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Kernel.Outbox.ParkedMessages;

public sealed class ParkedMessagesEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/admin/outbox/parked").WithTags("Outbox");
        group.MapGet("/", async Task<Ok<IReadOnlyList<ParkedMessage>>> (IMediator sender, int? limit, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListParkedMessages(limit ?? 100), ct)))
            .WithName("ListParkedMessages").WithSummary("Messages whose delivery failed on every attempt, newest first.");
        group.MapPost("/{id}/retry", async Task<NoContent> (IMediator sender, string id, CancellationToken ct) =>
            {
                await sender.Send(new RetryParkedMessage(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("RetryParkedMessage").WithSummary("Delivers a parked message again, with a fresh set of attempts.");
    }
}
