using System.Text.RegularExpressions;
using Greenlight.Kernel.Security.Secrets;

namespace Greenlight.Modules.FrameConnector.Connections;

/// <summary>"default" for the organization's account, "group-{groupId}" for a group's.</summary>
public static partial class ConnectionKeys
{
    public const string Default = "default";

    public static string For(string? groupId) => groupId is null ? Default : "group-" + groupId;

    /// <summary>A key <see cref="For"/> can make: what a webhook's path must name before anything else is looked at.</summary>
    public static bool IsWellFormed(string key) => key == Default || GroupKey().IsMatch(key);

    /// <summary>Group ids as the Access module makes them, and as every id of the API is checked.</summary>
    public static bool IsGroupId(string? groupId) => groupId is not null && GroupId().IsMatch(groupId);

    [GeneratedRegex("^group-[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex GroupKey();

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex GroupId();
}

// Only System Administrators configure the integration. GroupId is null for the organization's default connection.

/// <summary>Connects with a Frame.io token: a bearer token, or a legacy developer token.</summary>
public sealed record Connect(string? GroupId, string Token, bool LegacyToken, Uri WebhookBase) : IRequest<ConnectionView>, IAdministrativeRequest;

public sealed record SelectAccount(string? GroupId, string AccountId, string? WorkspaceId) : IRequest<ConnectionView>, IAdministrativeRequest;

public sealed record GetConnection(string? GroupId) : IRequest<ConnectionView>, IAdministrativeRequest;

public sealed record ListConnectionAccounts(string? GroupId) : IRequest<IReadOnlyList<FrameioAccount>>, IAdministrativeRequest;

public sealed record TestConnection(string? GroupId) : IRequest<ConnectionTestResult>, IAdministrativeRequest;

public sealed record Disconnect(string? GroupId) : IRequest, IAdministrativeRequest;

/// <summary>The group id of every connection request: absent (the default connection), or an id.</summary>
internal static class GroupIdRule
{
    public static IRuleBuilderOptions<T, string?> MustBeGroupIdOrNone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(id => id is null || ConnectionKeys.IsGroupId(id)).WithMessage("'{PropertyName}' must be 1 to 64 letters, digits or _ . : -");
}

public sealed class ConnectValidator : AbstractValidator<Connect>
{
    public ConnectValidator()
    {
        RuleFor(r => r.GroupId).MustBeGroupIdOrNone();
        RuleFor(r => r.Token).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(4096)
            .Must(token => token.Trim().Length > 0 && token.Trim().All(c => c is > ' ' and <= '~'))
            .WithMessage("'token' must be the token as Frame.io gave it: visible ASCII characters only (no spaces inside, no control characters, no other scripts).");
    }
}

public sealed class SelectAccountValidator : AbstractValidator<SelectAccount>
{
    public SelectAccountValidator()
    {
        RuleFor(r => r.GroupId).MustBeGroupIdOrNone();
        RuleFor(r => r.AccountId).NotEmpty().MaximumLength(256);
        RuleFor(r => r.WorkspaceId).MaximumLength(256);
    }
}

public sealed class GetConnectionValidator : AbstractValidator<GetConnection>
{
    public GetConnectionValidator() => RuleFor(r => r.GroupId).MustBeGroupIdOrNone();
}

public sealed class ListConnectionAccountsValidator : AbstractValidator<ListConnectionAccounts>
{
    public ListConnectionAccountsValidator() => RuleFor(r => r.GroupId).MustBeGroupIdOrNone();
}

public sealed class TestConnectionValidator : AbstractValidator<TestConnection>
{
    public TestConnectionValidator() => RuleFor(r => r.GroupId).MustBeGroupIdOrNone();
}

public sealed class DisconnectValidator : AbstractValidator<Disconnect>
{
    public DisconnectValidator() => RuleFor(r => r.GroupId).MustBeGroupIdOrNone();
}

public sealed class ConnectionHandlers(IGrainFactory grains, ISecretProtector secrets, IMediator sender) :
    IRequestHandler<Connect, ConnectionView>, IRequestHandler<SelectAccount, ConnectionView>, IRequestHandler<GetConnection, ConnectionView>,
    IRequestHandler<ListConnectionAccounts, IReadOnlyList<FrameioAccount>>, IRequestHandler<TestConnection, ConnectionTestResult>,
    IRequestHandler<Disconnect, Unit>
{
    /// <summary>A group's connection needs the group: for one that does not exist, nothing is asked of Frame.io and nothing registered.</summary>
    public async Task<ConnectionView> Handle(Connect request, CancellationToken cancellationToken)
    {
        if (request.GroupId is { } groupId && !await sender.Send(new GroupExists(groupId), cancellationToken))
            throw new NotFoundException($"Group '{groupId}'");
        return await Grain(request.GroupId).ConnectAsync(new ConnectInput(new SealedToken(secrets.Protect(request.Token.Trim()), request.LegacyToken), request.WebhookBase));
    }

    public Task<ConnectionView> Handle(SelectAccount request, CancellationToken cancellationToken) =>
        Grain(request.GroupId).SelectAccountAsync(request.AccountId, request.WorkspaceId);

    public async Task<ConnectionView> Handle(GetConnection request, CancellationToken cancellationToken) =>
        await Grain(request.GroupId).FindAsync() ?? throw new NotFoundException($"Frame.io connection '{ConnectionKeys.For(request.GroupId)}'");

    public Task<IReadOnlyList<FrameioAccount>> Handle(ListConnectionAccounts request, CancellationToken cancellationToken) =>
        Grain(request.GroupId).ListAccountsAsync();

    public Task<ConnectionTestResult> Handle(TestConnection request, CancellationToken cancellationToken) => Grain(request.GroupId).TestAsync();

    public async Task<Unit> Handle(Disconnect request, CancellationToken cancellationToken)
    {
        await Grain(request.GroupId).DisconnectAsync();
        return Unit.Value;
    }

    private IConnectionGrain Grain(string? groupId) => grains.GetGrain<IConnectionGrain>(ConnectionKeys.For(groupId));
}
