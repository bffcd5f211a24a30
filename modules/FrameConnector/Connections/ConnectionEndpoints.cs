using Microsoft.Extensions.Options;

namespace Greenlight.Modules.FrameConnector.Connections;

/// <summary>The connection body: a Frame.io OAuth bearer token, or a legacy developer token (<c>legacyToken: true</c>).</summary>
public sealed record ConnectBody(string Token, bool LegacyToken);

public sealed record SelectAccountBody(string AccountId, string? WorkspaceId);

/// <summary>
/// The same routes for the organization's default connection and for a group's:
/// <c>/frameio/connections/default</c> and <c>/frameio/connections/groups/{groupId}</c>.
/// </summary>
public sealed class ConnectionEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        Map(api.MapGroup("/frameio/connections/default").WithTags("Frame.io"), "Default", _ => ConnectionKeys.Default);
        Map(api.MapGroup("/frameio/connections/groups/{groupId}").WithTags("Frame.io"), "Group",
            context => ConnectionKeys.ForGroup((string)context.GetRouteValue("groupId")!));
    }

    private static void Map(RouteGroupBuilder group, string name, Func<HttpContext, string> key)
    {
        group.MapPut("/", async Task<Ok<ConnectionView>> (HttpContext context, IMediator sender, IOptions<FrameConnectorOptions> options, ConnectBody body, CancellationToken ct) =>
        {
            var webhookBase = options.Value.PublicUrl ?? new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
            return TypedResults.Ok(await sender.Send(new Connect(key(context), body.Token, body.LegacyToken, webhookBase), ct));
        }).WithName($"Connect{name}");
        group.MapGet("/", async Task<Ok<ConnectionView>> (HttpContext context, IMediator sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetConnection(key(context)), ct))).WithName($"Get{name}Connection");
        group.MapGet("/accounts", async Task<Ok<IReadOnlyList<FrameioAccount>>> (HttpContext context, IMediator sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListConnectionAccounts(key(context)), ct))).WithName($"List{name}ConnectionAccounts");
        group.MapPut("/account", async Task<Ok<ConnectionView>> (HttpContext context, IMediator sender, SelectAccountBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SelectAccount(key(context), body.AccountId, body.WorkspaceId), ct))).WithName($"Select{name}ConnectionAccount");
        group.MapPost("/test", async Task<Ok<ConnectionTestResult>> (HttpContext context, IMediator sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new TestConnection(key(context)), ct))).WithName($"Test{name}Connection");
        group.MapDelete("/", async Task<NoContent> (HttpContext context, IMediator sender, CancellationToken ct) =>
        {
            await sender.Send(new Disconnect(key(context)), ct);
            return TypedResults.NoContent();
        }).WithName($"Disconnect{name}");
    }
}
