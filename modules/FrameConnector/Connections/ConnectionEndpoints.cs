using Microsoft.Extensions.Options;

namespace Greenlight.Modules.FrameConnector.Connections;

/// <summary>The connection body: a Frame.io OAuth bearer token, or with <c>legacyToken: true</c> a legacy developer token.</summary>
public sealed record ConnectBody(string Token, bool LegacyToken = false);

public sealed record SelectAccountBody(string AccountId, string? WorkspaceId = null);

/// <summary>
/// The same routes for the organization's default connection and for a group's:
/// <c>/frameio/connections/default</c> and <c>/frameio/connections/groups/{groupId}</c>.
/// </summary>
public sealed class ConnectionEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        Map(api.MapGroup("/frameio/connections/default").WithTags("Frame.io"), "Default", _ => null);
        Map(api.MapGroup("/frameio/connections/groups/{groupId}").WithTags("Frame.io"), "Group", context => (string)context.GetRouteValue("groupId")!);
    }

    /// <summary>Where Frame.io reaches this host: the configured public address, else the one the administrator used to connect.</summary>
    public static Uri WebhookBase(FrameConnectorOptions options, HttpRequest request) =>
        options.PublicUrl ?? new Uri($"{request.Scheme}://{request.Host}/");

    private static void Map(RouteGroupBuilder group, string name, Func<HttpContext, string?> groupId)
    {
        group.MapPut("/", async Task<Ok<ConnectionView>> (HttpContext context, IMediator sender, IOptions<FrameConnectorOptions> options, ConnectBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new Connect(groupId(context), body.Token, body.LegacyToken, WebhookBase(options.Value, context.Request)), ct)))
            .WithName($"Connect{name}");
        group.MapGet("/", async Task<Ok<ConnectionView>> (HttpContext context, IMediator sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetConnection(groupId(context)), ct))).WithName($"Get{name}Connection");
        group.MapGet("/accounts", async Task<Ok<IReadOnlyList<FrameioAccount>>> (HttpContext context, IMediator sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListConnectionAccounts(groupId(context)), ct))).WithName($"List{name}ConnectionAccounts");
        group.MapPut("/account", async Task<Ok<ConnectionView>> (HttpContext context, IMediator sender, SelectAccountBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SelectAccount(groupId(context), body.AccountId, body.WorkspaceId), ct))).WithName($"Select{name}ConnectionAccount");
        group.MapPost("/test", async Task<Ok<ConnectionTestResult>> (HttpContext context, IMediator sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new TestConnection(groupId(context)), ct))).WithName($"Test{name}Connection");
        group.MapDelete("/", async Task<NoContent> (HttpContext context, IMediator sender, CancellationToken ct) =>
        {
            await sender.Send(new Disconnect(groupId(context)), ct);
            return TypedResults.NoContent();
        }).WithName($"Disconnect{name}");
    }
}
