namespace Greenlight.Modules.Work.Catalog;

internal static class ExistenceRules
{
    /// <summary>The id names an existing portfolio or program (by its grain type); the error names the field.</summary>
    public static IRuleBuilderOptions<T, string?> MustExist<T, TGrain>(this IRuleBuilderInitial<T, string?> rule, IGrainFactory grains)
        where TGrain : ICatalogGrain, IGrainWithStringKey =>
        rule.MustBeId()
            .MustAsync(async (id, _) => await grains.GetGrain<TGrain>(id!).FindAsync() is not null)
            .WithMessage("There is no such object: '{PropertyValue}'.");

    /// <summary>Where a project goes: a program (its portfolio follows), a portfolio, or the top level.</summary>
    public static async Task<(string? ProgramId, string? PortfolioId)> PlaceProjectAsync(this IGrainFactory grains, string? programId, string? portfolioId) =>
        programId is null ? (null, portfolioId) : (programId, (await grains.GetGrain<IProgramGrain>(programId).FindAsync())?.PortfolioId);
}
