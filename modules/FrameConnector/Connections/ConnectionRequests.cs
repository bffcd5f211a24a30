using Greenlight.Kernel.Security.Secrets;

namespace Greenlight.Modules.FrameConnector.Connections;

/// <summary>"default" for the organization's account, "group-{groupId}" for a group's.</summary>
public static class ConnectionKeys
{
    public const string Default = "default";

    public static string ForGroup(string groupId) => "group-" + groupId;
}

// Only System Administrators configure the integration.

public sealed record Connect(string Key, string Token, bool LegacyToken, Uri WebhookBase) : IRequest<ConnectionView>, IAdministrativeRequest;

public sealed record SelectAccount(string Key, string AccountId, string? WorkspaceId) : IRequest<ConnectionView>, IAdministrativeRequest;

public sealed record GetConnection(string Key) : IRequest<ConnectionView>, IAdministrativeRequest;

public sealed record ListConnectionAccounts(string Key) : IRequest<IReadOnlyList<FrameioAccount>>, IAdministrativeRequest;

public sealed record TestConnection(string Key) : IRequest<ConnectionTestResult>, IAdministrativeRequest;

public sealed record Disconnect(string Key) : IRequest, IAdministrativeRequest;

public sealed class ConnectValidator : AbstractValidator<Connect>
{
    public ConnectValidator() => RuleFor(r => r.Token).NotEmpty().MaximumLength(4096);
}

public sealed class SelectAccountValidator : AbstractValidator<SelectAccount>
{
    public SelectAccountValidator() => RuleFor(r => r.AccountId).NotEmpty();
}

public sealed class ConnectionHandlers(IGrainFactory grains, ISecretProtector secrets) :
    IRequestHandler<Connect, ConnectionView>, IRequestHandler<SelectAccount, ConnectionView>, IRequestHandler<GetConnection, ConnectionView>,
    IRequestHandler<ListConnectionAccounts, IReadOnlyList<FrameioAccount>>, IRequestHandler<TestConnection, ConnectionTestResult>,
    IRequestHandler<Disconnect, Unit>
{
    public Task<ConnectionView> Handle(Connect request, CancellationToken cancellationToken) =>
        Grain(request.Key).ConnectAsync(new ConnectInput(new SealedToken(secrets.Protect(request.Token.Trim()), request.LegacyToken), request.WebhookBase));

    public Task<ConnectionView> Handle(SelectAccount request, CancellationToken cancellationToken) =>
        Grain(request.Key).SelectAccountAsync(request.AccountId, request.WorkspaceId);

    public async Task<ConnectionView> Handle(GetConnection request, CancellationToken cancellationToken) =>
        await Grain(request.Key).FindAsync() ?? throw new NotFoundException($"Frame.io connection '{request.Key}'");

    public Task<IReadOnlyList<FrameioAccount>> Handle(ListConnectionAccounts request, CancellationToken cancellationToken) =>
        Grain(request.Key).ListAccountsAsync();

    public Task<ConnectionTestResult> Handle(TestConnection request, CancellationToken cancellationToken) => Grain(request.Key).TestAsync();

    public async Task<Unit> Handle(Disconnect request, CancellationToken cancellationToken)
    {
        await Grain(request.Key).DisconnectAsync();
        return Unit.Value;
    }

    private IConnectionGrain Grain(string key) => grains.GetGrain<IConnectionGrain>(key);
}
