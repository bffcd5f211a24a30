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

/// <summary>Renames a level and changes the settings given, area by area (every other setting stays). Never above the license's maximum.</summary>
public sealed record ChangeAccessLevel(string Id, string? Name, IReadOnlyDictionary<AccessArea, AreaChange>? Areas) : IRequest<AccessLevelData>, IAdministrativeRequest
{
    public AccessLevel AppliedTo(AccessLevel current) =>
        (Areas ?? new Dictionary<AccessArea, AreaChange>()).Aggregate(current with { Name = Name ?? current.Name },
            (level, area) => level.WithArea(area.Key, area.Value.AppliedTo(AreaSettings.From(level.Area(area.Key))).ToAccess()));
}

/// <summary>A partial change of one area: only the fields sent change. Toggles count under the setting they belong to (<see cref="AreaSettings"/>).</summary>
public sealed record AreaChange(AreaSetting? Setting = null, bool? Create = null, bool? Delete = null, bool? Share = null, bool? ShareSystemWide = null, bool? Copy = null)
{
    public AreaSettings AppliedTo(AreaSettings current) => new(
        Setting ?? current.Setting, Create ?? current.Create, Delete ?? current.Delete, Share ?? current.Share,
        ShareSystemWide ?? current.ShareSystemWide, Copy ?? current.Copy);
}

public sealed record ChangeAccessLevelBody(string? Name = null, Dictionary<AccessArea, AreaChange>? Areas = null);

/// <summary>The license bounds of <see cref="AccessLevelRules"/>, each failure naming its field (<c>areas.projects.edit</c>).</summary>
public sealed class ChangeAccessLevelValidator : AbstractValidator<ChangeAccessLevel>
{
    public ChangeAccessLevelValidator(AccessSnapshots snapshots)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100).When(r => r.Name is not null);
        RuleFor(r => r).CustomAsync(async (request, context, _) =>
        {
            var missing = (request.Areas ?? new Dictionary<AccessArea, AreaChange>()).Where(area => area.Value is null).ToList();
            foreach (var (area, _) in missing)
                context.AddFailure($"areas.{AccessAreas.FieldName(area)}", "Give the settings to change, or leave the area out.");
            // An unknown level is the handler's 404.
            if (missing.Count > 0 || (await snapshots.DirectoryAsync()).Level(request.Id) is not { } current) return;
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
