namespace Greenlight.Modules.Work.Catalog;

/// <summary>What the portfolio and program handlers share: create and register, find, delete when empty.</summary>
internal sealed class CatalogService(IGrainFactory grains, IMediator sender, ICurrentPrincipal current, IStore store)
{
    public async Task<(string Id, CatalogEntry Entry)> CreateAsync<TGrain>(
        Func<string, SecuredRef> secured, string name, string? description, string? portfolioId, CancellationToken ct)
        where TGrain : ICatalogGrain, IGrainWithStringKey
    {
        var (id, user) = (WorkIds.New(), current.UserId());
        var entry = await grains.GetGrain<TGrain>(id).CreateAsync(new CatalogEntry(name, description, user, portfolioId));
        var parent = portfolioId is null ? null : Secured.Portfolio(portfolioId);
        await sender.RegisterAsync(secured(id), parent, user, ct);
        return (id, entry);
    }

    public async Task<CatalogEntry> GetAsync<TGrain>(string id) where TGrain : ICatalogGrain, IGrainWithStringKey =>
        await grains.GetGrain<TGrain>(id).FindAsync() ?? throw new NotFoundException($"'{id}'");

    public async Task<Unit> DeleteAsync<TGrain>(SecuredRef secured, CancellationToken ct) where TGrain : ICatalogGrain, IGrainWithStringKey
    {
        var id = secured.Object.Id;
        await using (var connection = await store.OpenConnectionAsync(ct))
        {
            if (await connection.ScalarAsync<long>("SELECT COUNT(*) FROM work_objects WHERE parent_id = @id", ("id", id)) > 0)
                throw new ConflictException($"{secured.Object.Type} '{id}' still holds programs or projects; move or delete them first.");
        }
        await grains.GetGrain<TGrain>(id).DeleteAsync(current.UserId());
        await sender.Send(new RemoveSecuredObject(secured), ct);
        return Unit.Value;
    }
}
