using System.Linq.Expressions;

namespace Greenlight.Modules.Work.Catalog;

internal static class ExistenceRules
{
    /// <summary>The id names an existing portfolio or program (by its grain type); the error names the field.</summary>
    public static IRuleBuilderOptions<T, string?> MustExist<T, TGrain>(this IRuleBuilderInitial<T, string?> rule, IGrainFactory grains)
        where TGrain : ICatalogGrain, IGrainWithStringKey =>
        rule.MustBeId()
            .MustAsync(async (id, _) => await grains.GetGrain<TGrain>(id!).FindAsync() is not null)
            .WithMessage("There is no such object: '{PropertyValue}'.");

    /// <summary>
    /// Where a project is put: each id names an existing program or portfolio, and a portfolio named beside a program
    /// is the program's own (the project would be in that one anyway).
    /// </summary>
    public static void PlacesProject<T>(
        this AbstractValidator<T> validator, Expression<Func<T, string?>> programId, Expression<Func<T, string?>> portfolioId, IGrainFactory grains)
    {
        var (program, portfolio) = (programId.Compile(), portfolioId.Compile());
        validator.When(r => program(r) is not null, () => validator.RuleFor(programId).MustExist<T, IProgramGrain>(grains));
        validator.When(r => portfolio(r) is not null, () => validator.RuleFor(portfolioId).MustExist<T, IPortfolioGrain>(grains)
            .MustAsync(async (r, id, _) => program(r) is not { } inProgram || (await grains.GetGrain<IProgramGrain>(inProgram).FindAsync())?.PortfolioId == id)
            .WithMessage("A project in a program is in the program's portfolio: name that one, or none."));
    }

    /// <summary>Where a project goes: a program (its portfolio follows), a portfolio, or the top level.</summary>
    public static async Task<(string? ProgramId, string? PortfolioId)> PlaceProjectAsync(this IGrainFactory grains, string? programId, string? portfolioId) =>
        programId is null ? (null, portfolioId) : (programId, (await grains.GetGrain<IProgramGrain>(programId).FindAsync())?.PortfolioId);
}
