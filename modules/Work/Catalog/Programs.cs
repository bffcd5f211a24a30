namespace Greenlight.Modules.Work.Catalog;

public sealed record CreateProgram(string PortfolioId, string Name, string? Description) : IRequest<ProgramView>, ISecuredRequest, INamedFields
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.CreateIn(Secured.Portfolio(PortfolioId), ObjectType.Program);
}

public sealed record GetProgram(string Id) : IRequest<ProgramView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Program(Id), AccessAction.View);
}

public sealed record EditProgram(string Id, string Name, string? Description) : IRequest<ProgramView>, ISecuredRequest, INamedFields
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Program(Id), AccessAction.Edit);
}

public sealed record DeleteProgram(string Id) : IRequest, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Program(Id), AccessAction.Delete);
}

public sealed class CreateProgramValidator : NamedFieldsValidator<CreateProgram>
{
    public CreateProgramValidator(IGrainFactory grains) =>
        RuleFor(r => r.PortfolioId).MustExist<CreateProgram, IPortfolioGrain>(grains);
}

public sealed class EditProgramValidator : NamedFieldsValidator<EditProgram>;

internal sealed class ProgramHandlers(CatalogService catalog, IGrainFactory grains) :
    IRequestHandler<CreateProgram, ProgramView>, IRequestHandler<GetProgram, ProgramView>,
    IRequestHandler<EditProgram, ProgramView>, IRequestHandler<DeleteProgram, Unit>
{
    public async Task<ProgramView> Handle(CreateProgram request, CancellationToken cancellationToken)
    {
        var (id, entry) = await catalog.CreateAsync<IProgramGrain>(Secured.Program, request.Name, request.Description, request.PortfolioId, cancellationToken);
        return entry.ToProgram(id);
    }

    public async Task<ProgramView> Handle(GetProgram request, CancellationToken cancellationToken) =>
        (await catalog.GetAsync<IProgramGrain>(request.Id)).ToProgram(request.Id);

    public async Task<ProgramView> Handle(EditProgram request, CancellationToken cancellationToken) =>
        (await grains.GetGrain<IProgramGrain>(request.Id).EditAsync(request.Name, request.Description)).ToProgram(request.Id);

    public Task<Unit> Handle(DeleteProgram request, CancellationToken cancellationToken) =>
        catalog.DeleteAsync<IProgramGrain>(Secured.Program(request.Id), cancellationToken);
}

public sealed class ProgramEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/programs").WithTags("Programs");
        group.MapPost("/", async Task<Created<ProgramView>> (IMediator sender, CreateProgram request, CancellationToken ct) =>
        {
            var created = await sender.Send(request, ct);
            return TypedResults.Created($"/api/v1/programs/{created.Id}", created);
        }).WithName("CreateProgram");
        group.MapGet("/{id}", async Task<Ok<ProgramView>> (IMediator sender, string id, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetProgram(id), ct))).WithName("GetProgram");
        group.MapPatch("/{id}", async Task<Ok<ProgramView>> (IMediator sender, string id, EditProgram request, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(request with { Id = id }, ct))).WithName("EditProgram");
        group.MapDelete("/{id}", async Task<NoContent> (IMediator sender, string id, CancellationToken ct) =>
        {
            await sender.Send(new DeleteProgram(id), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteProgram");
    }
}
