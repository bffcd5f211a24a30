using System.Text;
using Greenlight.Kernel.Security.Secrets;
using Greenlight.Modules.Review.ExperienceManager;
using Orleans.Concurrency;

namespace Greenlight.Modules.Review.Publishing;

// SetExperienceManagerConnection, GetExperienceManagerConnection, TestExperienceManagerConnection,
// RemoveExperienceManagerConnection: the one connection an administrator configures, tries and removes.
// The token is kept encrypted (ISecretProtector) and never shown again: only its last four characters.

[GenerateSerializer, Immutable, Alias("review.connection-view")]
public sealed record ConnectionView([property: Id(0)] Uri BaseUrl, [property: Id(1)] string TokenLastFour, [property: Id(2)] DateTimeOffset UpdatedAt, [property: Id(3)] string UpdatedBy);

[GenerateSerializer, Alias("review.connection-state")]
public sealed class ConnectionState : DurableState
{
    [Id(0)]
    public Uri? BaseUrl { get; set; }
    [Id(1)]
    public string ProtectedToken { get; set; } = "";
    [Id(2)]
    public string TokenLastFour { get; set; } = "";
    [Id(3)]
    public DateTimeOffset UpdatedAt { get; set; }
    [Id(4)]
    public string UpdatedBy { get; set; } = "";
}

/// <summary>One grain for the organization's connection.</summary>
[Alias("review.experience-manager-connection")]
public interface IExperienceManagerConnectionGrain : IGrainWithStringKey
{
    [Alias("set")]
    Task<ConnectionView> SetAsync(Uri baseUrl, string protectedToken, string lastFour, string userId);

    [Alias("remove")]
    Task RemoveAsync();

    /// <summary>Null while none is configured.</summary>
    [Alias("get"), ReadOnly]
    Task<ConnectionState?> GetAsync();
}

[GrainType("review.experience-manager-connection")]
public sealed class ExperienceManagerConnectionGrain(TimeProvider clock) : DurableGrain<ConnectionState>, IExperienceManagerConnectionGrain
{
    public const string Key = "organization";

    public async Task<ConnectionView> SetAsync(Uri baseUrl, string protectedToken, string lastFour, string userId)
    {
        State = new ConnectionState { BaseUrl = baseUrl, ProtectedToken = protectedToken, TokenLastFour = lastFour, UpdatedAt = clock.GetUtcNow(), UpdatedBy = userId };
        await WriteStateAsync();
        return View(State);
    }

    public Task RemoveAsync() => ClearStateAsync();

    public Task<ConnectionState?> GetAsync() => Task.FromResult(State.BaseUrl is null ? null : State);

    public static ConnectionView View(ConnectionState state) => new(state.BaseUrl!, state.TokenLastFour, state.UpdatedAt, state.UpdatedBy);
}

public sealed record SetExperienceManagerConnection(Uri? BaseUrl, string Token) : IRequest<ConnectionView>, IAdministrativeRequest
{
    // The generated ToString would print the token wherever the request is logged.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("BaseUrl = ").Append(BaseUrl);
        return true;
    }
}

public sealed record GetExperienceManagerConnection : IRequest<ConnectionView>, IAdministrativeRequest;

/// <summary>Reads Experience Manager's DAM root with the configured address and token: 404 while none is configured.</summary>
public sealed record TestExperienceManagerConnection : IRequest<ConnectionTestView>, IAdministrativeRequest;

/// <param name="Works">Whether Experience Manager answered with the configured token.</param>
/// <param name="Detail">What it answered, in words (never the token).</param>
public sealed record ConnectionTestView(bool Works, string Detail);

/// <summary>Forgets the address and the token; publications already asked for wait (and are parked in the end) until a new one is set.</summary>
public sealed record RemoveExperienceManagerConnection : IRequest, IAdministrativeRequest;

public sealed class SetExperienceManagerConnectionValidator : AbstractValidator<SetExperienceManagerConnection>
{
    public SetExperienceManagerConnectionValidator()
    {
        RuleFor(r => r.BaseUrl).Cascade(CascadeMode.Stop).NotNull().Must(u => u is { IsAbsoluteUri: true } && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp))
            .WithMessage("'Base Url' must be an absolute http or https URL.");
        // It travels in an HTTP header: control characters or non-ASCII ones could not be sent.
        RuleFor(r => r.Token).Cascade(CascadeMode.Stop).NotEmpty().MinimumLength(8).MaximumLength(8192)
            .Matches("^[\\x21-\\x7E]+$").WithMessage("'Token' must be printable ASCII without spaces.");
    }
}

internal sealed class ConnectionHandlers(IGrainFactory grains, ISecretProtector secrets, ICurrentPrincipal current, IExperienceManagerClient client) :
    IRequestHandler<SetExperienceManagerConnection, ConnectionView>, IRequestHandler<GetExperienceManagerConnection, ConnectionView>,
    IRequestHandler<TestExperienceManagerConnection, ConnectionTestView>, IRequestHandler<RemoveExperienceManagerConnection, Unit>
{
    public Task<ConnectionView> Handle(SetExperienceManagerConnection request, CancellationToken cancellationToken) =>
        Connection(grains).SetAsync(request.BaseUrl!, secrets.Protect(request.Token), request.Token[^4..], current.UserId());

    public async Task<ConnectionView> Handle(GetExperienceManagerConnection request, CancellationToken cancellationToken) =>
        await Connection(grains).GetAsync() is { } state
            ? ExperienceManagerConnectionGrain.View(state)
            : throw new NotFoundException("The Experience Manager connection");

    /// <summary>An answer either way: Experience Manager refusing or out of reach is the test's finding, not a failure of the request.</summary>
    public async Task<ConnectionTestView> Handle(TestExperienceManagerConnection request, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(grains, secrets) ?? throw new NotFoundException("The Experience Manager connection");
        try
        {
            await client.CheckAsync(connection, cancellationToken);
            return new ConnectionTestView(true, $"Experience Manager at {connection.BaseUrl} answered with the token.");
        }
        catch (ExperienceManagerException refused)
        {
            return new ConnectionTestView(false, refused.Message);
        }
        catch (Exception unreachable) when (unreachable is HttpRequestException || (unreachable is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new ConnectionTestView(false, $"Experience Manager at {connection.BaseUrl} could not be reached: {unreachable.Message}");
        }
    }

    public async Task<Unit> Handle(RemoveExperienceManagerConnection request, CancellationToken cancellationToken)
    {
        await Connection(grains).RemoveAsync();
        return Unit.Value;
    }

    public static IExperienceManagerConnectionGrain Connection(IGrainFactory grains) =>
        grains.GetGrain<IExperienceManagerConnectionGrain>(ExperienceManagerConnectionGrain.Key);

    /// <summary>The connection with its token decrypted, for the publishing job; null while none is configured.</summary>
    public static async Task<ExperienceManagerConnection?> OpenAsync(IGrainFactory grains, ISecretProtector secrets) =>
        await Connection(grains).GetAsync() is { } state ? new ExperienceManagerConnection(state.BaseUrl!, secrets.Unprotect(state.ProtectedToken)) : null;
}

public sealed class ConnectionEndpoints : IEndpoints
{
    public sealed record Body(Uri BaseUrl, string Token);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var connection = api.MapGroup("/admin/experience-manager/connection").WithTags("Experience Manager");
        connection.MapPut("/", async Task<Ok<ConnectionView>> (IMediator sender, Body body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetExperienceManagerConnection(body.BaseUrl, body.Token), ct)))
            .WithName("SetExperienceManagerConnection").WithSummary("The token is kept encrypted and never returned; the answer shows its last four characters.");
        connection.MapGet("/", async Task<Ok<ConnectionView>> (IMediator sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetExperienceManagerConnection(), ct))).WithName("GetExperienceManagerConnection");
        connection.MapPost("/test", async Task<Ok<ConnectionTestView>> (IMediator sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new TestExperienceManagerConnection(), ct)))
            .WithName("TestExperienceManagerConnection").WithSummary("Reads Experience Manager's DAM root with the configured token; the answer says whether it worked.");
        connection.MapDelete("/", async Task<NoContent> (IMediator sender, CancellationToken ct) =>
        {
            await sender.Send(new RemoveExperienceManagerConnection(), ct);
            return TypedResults.NoContent();
        }).WithName("RemoveExperienceManagerConnection").WithSummary("Forgets the address and the token.");
    }
}
