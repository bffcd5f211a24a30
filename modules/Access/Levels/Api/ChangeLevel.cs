using FluentValidation;
using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Modules.Access.Levels.Api;

/// <summary>Renames a level and changes the areas given (the others stay). Never above the license's maximum.</summary>
public sealed record ChangeAccessLevel(string Id, string? Name, IReadOnlyDictionary<AccessArea, AreaSettings>? Areas) : IRequest<AccessLevelData>, IAdministrativeRequest
{
    public AccessLevel AppliedTo(AccessLevel current) =>
        (Areas ?? new Dictionary<AccessArea, AreaSettings>()).Aggregate(current with { Name = Name ?? current.Name },
            (level, area) => level.WithArea(area.Key, area.Value.ToAccess()));
}

public sealed record ChangeAccessLevelBody(string? Name, Dictionary<AccessArea, AreaSettings>? Areas);

/// <summary>The license bounds of <see cref="AccessLevelRules"/>, each failure naming its field (<c>areas.projects.edit</c>).</summary>
public sealed class ChangeAccessLevelValidator : AbstractValidator<ChangeAccessLevel>
{
    public ChangeAccessLevelValidator(AccessSnapshots snapshots)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100).When(r => r.Name is not null);
        RuleFor(r => r).CustomAsync(async (request, context, _) =>
        {
            // An unknown level is the handler's 404.
            if ((await snapshots.DirectoryAsync()).Level(request.Id) is not { } current) return;
            foreach (var error in AccessLevelRules.ValidateChange(current, request.AppliedTo(current)))
                context.AddFailure(error.Field, error.Message);
        });
    }
}

public sealed class ChangeAccessLevelHandler(IGrainFactory grains, AccessSnapshots snapshots, ICurrentPrincipal current) : IRequestHandler<ChangeAccessLevel, AccessLevelData>
{
    public async Task<AccessLevelData> Handle(ChangeAccessLevel request, CancellationToken cancellationToken)
    {
        var level = (await snapshots.DirectoryAsync()).Level(request.Id) ?? throw new NotFoundException($"Access level '{request.Id}'");
        var changed = AccessLevelData.From(request.AppliedTo(level));
        await grains.Directory().SaveLevelAsync(changed, current.ActorId());
        return changed;
    }
}

public sealed class ChangeAccessLevelEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Levels(api).MapPatch("/{id}", async Task<Ok<AccessLevelData>> (IMediator sender, string id, ChangeAccessLevelBody body, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ChangeAccessLevel(id, body.Name, body.Areas), ct)))
            .WithName("ChangeAccessLevel")
            .WithSummary("Changes a custom level, or Standard, Light or Contributor (possible, not recommended); settings may be lowered, never raised above the license.");
}
