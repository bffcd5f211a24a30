namespace Greenlight.Modules.Work.Catalog;

public sealed record CreatePortfolio(string Name, string? Description = null) : IRequest<PortfolioView>, ISecuredRequest, INamedFields
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.CreateAtTopLevel(ObjectType.Portfolio);
}

public sealed record GetPortfolio(string Id) : IRequest<PortfolioView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Portfolio(Id), AccessAction.View);
}

/// <summary>A partial edit: only the fields sent change.</summary>
public sealed record EditPortfolio(string Id, Set<string>? Name, Set<string?>? Description) : IRequest<PortfolioView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Portfolio(Id), AccessAction.Edit);
}

public sealed record DeletePortfolio(string Id) : IRequest, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Portfolio(Id), AccessAction.Delete);
}

public sealed class CreatePortfolioValidator : NamedFieldsValidator<CreatePortfolio>;

public sealed class EditPortfolioValidator : PartialEditValidator<EditPortfolio>
{
    public EditPortfolioValidator()
    {
        NameWhenSent(r => r.Name);
        DescriptionWhenSent(r => r.Description);
    }
}

internal sealed class PortfolioHandlers(CatalogService catalog, IGrainFactory grains) :
    IRequestHandler<CreatePortfolio, PortfolioView>, IRequestHandler<GetPortfolio, PortfolioView>,
    IRequestHandler<EditPortfolio, PortfolioView>, IRequestHandler<DeletePortfolio, Unit>
{
    public async Task<PortfolioView> Handle(CreatePortfolio request, CancellationToken cancellationToken)
    {
        var (id, entry) = await catalog.CreateAsync<IPortfolioGrain>(Secured.Portfolio, request.Name, request.Description, null, cancellationToken);
        return entry.ToPortfolio(id);
    }

    public async Task<PortfolioView> Handle(GetPortfolio request, CancellationToken cancellationToken) =>
        (await catalog.GetAsync<IPortfolioGrain>(request.Id)).ToPortfolio(request.Id);

    public async Task<PortfolioView> Handle(EditPortfolio request, CancellationToken cancellationToken) =>
        (await grains.GetGrain<IPortfolioGrain>(request.Id).EditAsync(request.Name, request.Description)).ToPortfolio(request.Id);

    public Task<Unit> Handle(DeletePortfolio request, CancellationToken cancellationToken) =>
        catalog.DeleteAsync<IPortfolioGrain>(Secured.Portfolio(request.Id), cancellationToken);
}

public sealed class PortfolioEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/portfolios").WithTags("Portfolios");
        group.MapPost("/", async Task<Created<PortfolioView>> (IMediator sender, CreatePortfolio request, CancellationToken ct) =>
        {
            var created = await sender.Send(request, ct);
            return TypedResults.Created($"/api/v1/portfolios/{created.Id}", created);
        }).WithName("CreatePortfolio");
        group.MapGet("/{id}", async Task<Ok<PortfolioView>> (IMediator sender, string id, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetPortfolio(id), ct))).WithName("GetPortfolio");
        group.MapPatch("/{id}", async Task<Ok<PortfolioView>> (IMediator sender, string id, NameAndDescriptionBody body, CancellationToken ct) =>
        {
            var (name, description) = body.Changes();
            return TypedResults.Ok(await sender.Send(new EditPortfolio(id, name, description), ct));
        }).WithName("EditPortfolio");
        group.MapDelete("/{id}", async Task<NoContent> (IMediator sender, string id, CancellationToken ct) =>
        {
            await sender.Send(new DeletePortfolio(id), ct);
            return TypedResults.NoContent();
        }).WithName("DeletePortfolio");
    }
}
