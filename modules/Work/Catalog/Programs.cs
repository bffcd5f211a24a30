namespace Greenlight.Modules.Work.Catalog;

public sealed record CreateProgram(string PortfolioId, string Name, string? Description = null) : IRequest<ProgramView>, ISecuredRequest, INamedFields
{
    /// <summary>Without a portfolio there is no object to check but the level's right to make programs; validation then names the missing field.</summary>
    [JsonIgnore]
    public AccessCheck Check => PortfolioId is null
        ? AccessCheck.CreateAtTopLevel(ObjectType.Program)
        : AccessCheck.CreateIn(Secured.Portfolio(PortfolioId), ObjectType.Program);
}

public sealed record GetProgram(string Id) : IRequest<ProgramView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Program(Id), AccessAction.View);
}

/// <summary>A partial edit: only the fields sent change.</summary>
public sealed record EditProgram(string Id, Set<string>? Name, Set<string?>? Description) : IRequest<ProgramView>, ISecuredRequest
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

public sealed class EditProgramValidator : PartialEditValidator<EditProgram>
{
    public EditProgramValidator()
    {
        NameWhenSent(r => r.Name);
        DescriptionWhenSent(r => r.Description);
    }
}

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
        group.MapPatch("/{id}", async Task<Ok<ProgramView>> (IMediator sender, string id, NameAndDescriptionBody body, CancellationToken ct) =>
        {
            var (name, description) = body.Changes();
            return TypedResults.Ok(await sender.Send(new EditProgram(id, name, description), ct));
        }).WithName("EditProgram");
        group.MapDelete("/{id}", async Task<NoContent> (IMediator sender, string id, CancellationToken ct) =>
        {
            await sender.Send(new DeleteProgram(id), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteProgram");
    }
}
