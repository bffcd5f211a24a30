using FluentValidation;
using Greenlight.Kernel.Errors;
using MediatR;
using Greenlight.Kernel.Storage;

namespace Greenlight.Kernel.Security.Tokens;

// A user manages their own tokens; tokens for other users are issued by the Access module.

public sealed record CreateApiToken(string Name) : IRequest<IssuedApiToken>, IAuthenticatedRequest;

public sealed record ListApiTokens : IRequest<IReadOnlyList<ApiTokenInfo>>, IAuthenticatedRequest;

public sealed record RevokeApiToken(string Id) : IRequest, IAuthenticatedRequest;

public sealed class CreateApiTokenValidator : AbstractValidator<CreateApiToken>
{
    public CreateApiTokenValidator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
}

public sealed class RevokeApiTokenValidator : AbstractValidator<RevokeApiToken>
{
    public RevokeApiTokenValidator() => RuleFor(r => r.Id).NotEmpty().MaximumLength(64);
}

public sealed class CreateApiTokenHandler(ApiTokens tokens, IStore store, ICurrentPrincipal current) : IRequestHandler<CreateApiToken, IssuedApiToken>
{
    public Task<IssuedApiToken> Handle(CreateApiToken request, CancellationToken cancellationToken) =>
        store.InTransactionAsync(tx => tokens.CreateAsync(tx, current.Principal!.UserId, request.Name), cancellationToken);
}

public sealed class ListApiTokensHandler(ApiTokens tokens, ICurrentPrincipal current) : IRequestHandler<ListApiTokens, IReadOnlyList<ApiTokenInfo>>
{
    public Task<IReadOnlyList<ApiTokenInfo>> Handle(ListApiTokens request, CancellationToken cancellationToken) =>
        tokens.ListAsync(current.Principal!.UserId, cancellationToken);
}

public sealed class RevokeApiTokenHandler(ApiTokens tokens, ICurrentPrincipal current) : IRequestHandler<RevokeApiToken, Unit>
{
    public async Task<Unit> Handle(RevokeApiToken request, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(current.Principal!.UserId, request.Id, cancellationToken)
            ? Unit.Value
            : throw new NotFoundException($"Token '{request.Id}'");
}
