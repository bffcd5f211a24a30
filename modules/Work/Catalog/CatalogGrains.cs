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

[GenerateSerializer, Immutable, Alias("work.catalog-entry")]
public sealed record CatalogEntry([property: Id(0)] string Name, [property: Id(1)] string? Description, [property: Id(2)] string OwnerId, [property: Id(3)] string? PortfolioId);

/// <summary>The calls both grain types answer; not a grain interface itself, so each type keeps its own.</summary>
public interface ICatalogGrain
{
    Task<CatalogState> CreateAsync(CatalogEntry entry);

    /// <summary>Null when it does not exist.</summary>
    Task<CatalogState?> FindAsync();

    Task<CatalogState> EditAsync(string name, string? description);

    Task DeleteAsync(string deletedBy);
}

public interface IPortfolioGrain : ICatalogGrain, IGrainWithStringKey;

public interface IProgramGrain : ICatalogGrain, IGrainWithStringKey;

/// <summary>What portfolios and programs share; each is a sealed grain type of its own.</summary>
public abstract class CatalogGrain(ObjectType type) : DurableGrain<CatalogState>, ICatalogGrain
{
    public async Task<CatalogState> CreateAsync(CatalogEntry entry)
    {
        if (State.Exists) throw new ConflictException($"{type} '{this.GetPrimaryKeyString()}' already exists.");
        State = new CatalogState
        {
            Exists = true, Name = entry.Name, Description = entry.Description, OwnerId = entry.OwnerId, PortfolioId = entry.PortfolioId,
        };
        await SaveAsync(Indexed());
        return State;
    }

    public Task<CatalogState?> FindAsync() => Task.FromResult(State.Exists ? State : null);

    public async Task<CatalogState> EditAsync(string name, string? description)
    {
        EnsureExists();
        (State.Name, State.Description) = (name, description);
        await SaveAsync(Indexed());
        return State;
    }

    public async Task DeleteAsync(string deletedBy)
    {
        EnsureExists();
        Record(new UnindexRows([this.GetPrimaryKeyString()]));
        Record(new ObjectDeleted(new ObjectRef(type, this.GetPrimaryKeyString()), null, deletedBy));
        await ClearStateAsync();
    }

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
    public static PortfolioView ToPortfolio(this CatalogState state, string id) => new(id, state.Name, state.Description, state.OwnerId);

    public static ProgramView ToProgram(this CatalogState state, string id) => new(id, state.PortfolioId!, state.Name, state.Description, state.OwnerId);
}
