using System.Text;
using Greenlight.Kernel.Security.Secrets;
using Greenlight.Modules.Review.ExperienceManager;
using Orleans.Concurrency;

namespace Greenlight.Modules.Review.Publishing;

// SetExperienceManagerConnection, GetExperienceManagerConnection: the one connection an administrator configures.
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

internal sealed class ConnectionHandlers(IGrainFactory grains, ISecretProtector secrets, ICurrentPrincipal current) :
    IRequestHandler<SetExperienceManagerConnection, ConnectionView>, IRequestHandler<GetExperienceManagerConnection, ConnectionView>
{
    public Task<ConnectionView> Handle(SetExperienceManagerConnection request, CancellationToken cancellationToken) =>
        Connection(grains).SetAsync(request.BaseUrl!, secrets.Protect(request.Token), request.Token[^4..], current.UserId());

    public async Task<ConnectionView> Handle(GetExperienceManagerConnection request, CancellationToken cancellationToken) =>
        await Connection(grains).GetAsync() is { } state
            ? ExperienceManagerConnectionGrain.View(state)
            : throw new NotFoundException("The Experience Manager connection");

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
    }
}
