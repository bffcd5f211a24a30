namespace Greenlight.Modules.Work.Catalog;

// Portfolios and programs: named containers above projects, one grain each. A program sits in a portfolio.

[GenerateSerializer, Alias("work.catalog-state")]
public sealed class CatalogState : DurableState
{
    [Id(0)]
    public bool Exists { get; set; }
    [Id(1)]
    public string Name { get; set; } = "";
    [Id(2)]
    public string? Description { get; set; }
    [Id(3)]
    public string OwnerId { get; set; } = "";

    /// <summary>A program's portfolio; null for a portfolio.</summary>
    [Id(4)]
    public string? PortfolioId { get; set; }
}

/// <summary>A portfolio or program was made (its creator is its owner): what the Access module must register.</summary>
[GenerateSerializer, Immutable, Alias("work.catalog-entry-created")]
internal sealed record CatalogEntryCreated([property: Id(0)] ObjectType Type, [property: Id(1)] string Id, [property: Id(2)] string CreatedBy) : INotification;

/// <summary>A portfolio or program as its grain shows it.</summary>
/// <param name="PortfolioId">A program's portfolio; null for a portfolio.</param>
[GenerateSerializer, Immutable, Alias("work.catalog-entry")]
public sealed record CatalogEntry([property: Id(0)] string Name, [property: Id(1)] string? Description, [property: Id(2)] string OwnerId, [property: Id(3)] string? PortfolioId);

/// <summary>The calls both grain types answer; not a grain interface itself, so each type keeps its own.</summary>
[Alias("work.catalog")]
public interface ICatalogGrain
{
    [Alias("create")]
    Task<CatalogEntry> CreateAsync(CatalogEntry entry);

    /// <summary>Null when it does not exist.</summary>
    [Alias("find"), ReadOnly]
    Task<CatalogEntry?> FindAsync();

    /// <summary>Changes the fields given (null: not sent, left as it is).</summary>
    [Alias("edit")]
    Task<CatalogEntry> EditAsync(Set<string>? name, Set<string?>? description);

    [Alias("delete")]
    Task DeleteAsync(string deletedBy);
}

[Alias("work.portfolio")]
public interface IPortfolioGrain : ICatalogGrain, IGrainWithStringKey;

[Alias("work.program")]
public interface IProgramGrain : ICatalogGrain, IGrainWithStringKey;

/// <summary>What portfolios and programs share; each is a sealed grain type of its own.</summary>
public abstract class CatalogGrain(ObjectType type) : DurableGrain<CatalogState>, ICatalogGrain
{
    public async Task<CatalogEntry> CreateAsync(CatalogEntry entry)
    {
        if (State.Exists) throw new ConflictException($"{type} '{this.GetPrimaryKeyString()}' already exists.");
        State.Exists = true;
        (State.Name, State.Description, State.OwnerId, State.PortfolioId) = (entry.Name, entry.Description, entry.OwnerId, entry.PortfolioId);
        Record(new CatalogEntryCreated(type, this.GetPrimaryKeyString(), entry.OwnerId));
        await SaveAsync(Indexed());
        return Entry();
    }

    public Task<CatalogEntry?> FindAsync() => Task.FromResult(State.Exists ? Entry() : null);

    public async Task<CatalogEntry> EditAsync(Set<string>? name, Set<string?>? description)
    {
        EnsureExists();
        (State.Name, State.Description) = (name.Or(State.Name), description.Or(State.Description));
        await SaveAsync(Indexed());
        return Entry();
    }

    public async Task DeleteAsync(string deletedBy)
    {
        EnsureExists();
        Record(new UnindexRows([this.GetPrimaryKeyString()]));
        Record(new ObjectDeleted(new ObjectRef(type, this.GetPrimaryKeyString()), null, deletedBy));
        await ClearStateAsync();
    }

    private CatalogEntry Entry() => new(State.Name, State.Description, State.OwnerId, State.PortfolioId);

    private IndexRow Indexed() => new(type, this.GetPrimaryKeyString(), null, State.PortfolioId, State.Name, null);

    private void EnsureExists()
    {
        if (!State.Exists) throw new NotFoundException($"{type} '{this.GetPrimaryKeyString()}'");
    }

    private Task SaveAsync(INotification change)
    {
        Record(change);
        return WriteStateAsync();
    }
}

[GrainType("work.portfolio")]
public sealed class PortfolioGrain() : CatalogGrain(ObjectType.Portfolio), IPortfolioGrain;

[GrainType("work.program")]
public sealed class ProgramGrain() : CatalogGrain(ObjectType.Program), IProgramGrain;

internal static class CatalogViews
{
    public static PortfolioView ToPortfolio(this CatalogEntry entry, string id) => new(id, entry.Name, entry.Description, entry.OwnerId);

    public static ProgramView ToProgram(this CatalogEntry entry, string id) => new(id, entry.PortfolioId!, entry.Name, entry.Description, entry.OwnerId);
}
