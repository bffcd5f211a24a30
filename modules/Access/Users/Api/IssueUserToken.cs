using FluentValidation;
using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Security.Tokens;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Modules.Access.Users.Api;

/// <summary>Issues an API token for a user; its secret is in the answer only.</summary>
public sealed record IssueUserToken(string UserId, string Name) : IRequest<IssuedApiToken>, IAdministrativeRequest;

public sealed record IssueUserTokenBody(string Name);

public sealed class IssueUserTokenValidator : AbstractValidator<IssueUserToken>
{
    public IssueUserTokenValidator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
}

public sealed class IssueUserTokenHandler(AccessSnapshots snapshots, ApiTokens tokens, IStore store) : IRequestHandler<IssueUserToken, IssuedApiToken>
{
    public async Task<IssuedApiToken> Handle(IssueUserToken request, CancellationToken cancellationToken)
    {
        _ = await snapshots.UserAsync(request.UserId) ?? throw new NotFoundException($"User '{request.UserId}'");
        return await store.InTransactionAsync(tx => tokens.CreateAsync(tx, request.UserId, request.Name), cancellationToken);
    }
}

public sealed class IssueUserTokenEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Users(api).MapPost("/{id}/tokens", async Task<Created<IssuedApiToken>> (IMediator sender, string id, IssueUserTokenBody body, CancellationToken ct) =>
            {
                var issued = await sender.Send(new IssueUserToken(id, body.Name), ct);
                return TypedResults.Created($"/api/v1/access/users/{id}/tokens/{issued.Id}", issued);
            })
            .WithName("IssueUserToken").WithSummary("Issues an API token for the user (System Administrators only); the secret is shown once.");
}
