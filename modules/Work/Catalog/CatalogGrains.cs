namespace Greenlight.Modules.Work.Catalog;

// Portfolios and programs: named containers above projects, one grain each. A program sits in a portfolio.

public sealed class CatalogState
{
    public bool Exists { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string OwnerId { get; set; } = "";

    /// <summary>A program's portfolio; null for a portfolio.</summary>
    public string? PortfolioId { get; set; }
}

public sealed record CatalogEntry(string Name, string? Description, string OwnerId, string? PortfolioId);

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
public abstract class CatalogGrain(IOutbox outbox, ObjectType type) : Grain<CatalogState>, ICatalogGrain
{
    public async Task<CatalogState> CreateAsync(CatalogEntry entry)
    {
        if (State.Exists) throw new ConflictException($"{type} '{GetPrimaryKeyString()}' already exists.");
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
        await ClearStateAsync(tx => new WorkChange[]
        {
            new UnindexRows([GetPrimaryKeyString()]),
            new Publish(new ObjectDeleted(new ObjectRef(type, GetPrimaryKeyString()), null, deletedBy)),
        }.ApplyAsync(tx, outbox));
    }

    private IndexRow Indexed() => new(type, GetPrimaryKeyString(), null, State.PortfolioId, State.Name, null);

    private void EnsureExists()
    {
        if (!State.Exists) throw new NotFoundException($"{type} '{GetPrimaryKeyString()}'");
    }

    private Task SaveAsync(params WorkChange[] changes) => WriteStateAsync(tx => changes.ApplyAsync(tx, outbox));
}

[GrainType("work.portfolio")]
public sealed class PortfolioGrain(IOutbox outbox) : CatalogGrain(outbox, ObjectType.Portfolio), IPortfolioGrain;

[GrainType("work.program")]
public sealed class ProgramGrain(IOutbox outbox) : CatalogGrain(outbox, ObjectType.Program), IProgramGrain;

internal static class CatalogViews
{
    public static PortfolioView ToPortfolio(this CatalogState state, string id) => new(id, state.Name, state.Description, state.OwnerId);

    public static ProgramView ToProgram(this CatalogState state, string id) => new(id, state.PortfolioId!, state.Name, state.Description, state.OwnerId);
}
