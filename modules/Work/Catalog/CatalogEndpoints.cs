namespace Greenlight.Modules.Work.Catalog;

/// <summary>Portfolios and programs: POST to create, GET, PATCH (name, description), DELETE (refused while not empty).</summary>
public sealed class CatalogEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        Map<CreatePortfolio, EditPortfolio, PortfolioView>(api, "portfolios", "Portfolio", v => v.Id,
            id => new GetPortfolio(id), (request, id) => request with { Id = id }, id => new DeletePortfolio(id));
        Map<CreateProgram, EditProgram, ProgramView>(api, "programs", "Program", v => v.Id,
            id => new GetProgram(id), (request, id) => request with { Id = id }, id => new DeleteProgram(id));
    }

    private static void Map<TCreate, TEdit, TView>(
        IEndpointRouteBuilder api, string path, string name, Func<TView, string> idOf,
        Func<string, IRequest<TView>> get, Func<TEdit, string, TEdit> edit, Func<string, IRequest<Unit>> delete)
        where TCreate : IRequest<TView> where TEdit : IRequest<TView>
    {
        var group = api.MapGroup("/" + path).WithTags(name + "s");
        group.MapPost("/", async Task<Created<TView>> (ISender sender, TCreate request, CancellationToken ct) =>
        {
            var created = await sender.Send(request, ct);
            return TypedResults.Created($"/api/v1/{path}/{idOf(created)}", created);
        }).WithName("Create" + name);
        group.MapGet("/{id}", async Task<Ok<TView>> (ISender sender, string id, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(get(id), ct))).WithName("Get" + name);
        group.MapPatch("/{id}", async Task<Ok<TView>> (ISender sender, string id, TEdit request, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(edit(request, id), ct))).WithName("Edit" + name);
        group.MapDelete("/{id}", async Task<NoContent> (ISender sender, string id, CancellationToken ct) =>
        {
            await sender.Send(delete(id), ct);
            return TypedResults.NoContent();
        }).WithName("Delete" + name);
    }
}
