using Greenlight.Kernel.Http;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Kernel.Security.Tokens;

public sealed class TokenEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tokens").WithTags("API tokens");
        group.MapPost("/", async Task<Created<IssuedApiToken>> (IMediator sender, CreateApiToken request, CancellationToken ct) =>
            {
                var issued = await sender.Send(request, ct);
                return TypedResults.Created($"/api/v1/tokens/{issued.Id}", issued);
            })
            .WithName("CreateApiToken").WithSummary("Issues a token for the caller; its secret is in this response only.");
        group.MapGet("/", async Task<Ok<IReadOnlyList<ApiTokenInfo>>> (IMediator sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListApiTokens(), ct)))
            .WithName("ListApiTokens").WithSummary("The caller's tokens, without their secrets.");
        group.MapDelete("/{id}", async Task<NoContent> (IMediator sender, string id, CancellationToken ct) =>
            {
                await sender.Send(new RevokeApiToken(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeApiToken").WithSummary("Revokes one of the caller's tokens.");
    }
}
