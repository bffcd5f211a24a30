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
        var (id, state) = await catalog.CreateAsync<IProgramGrain>(Secured.Program, request.Name, request.Description, request.PortfolioId, cancellationToken);
        return state.ToProgram(id);
    }

    public async Task<ProgramView> Handle(GetProgram request, CancellationToken cancellationToken) =>
        (await catalog.GetAsync<IProgramGrain>(request.Id)).ToProgram(request.Id);

    public async Task<ProgramView> Handle(EditProgram request, CancellationToken cancellationToken) =>
        (await grains.GetGrain<IProgramGrain>(request.Id).EditAsync(request.Name, request.Description)).ToProgram(request.Id);

    public Task<Unit> Handle(DeleteProgram request, CancellationToken cancellationToken) =>
        catalog.DeleteAsync<IProgramGrain>(Secured.Program(request.Id), cancellationToken);
}
