using System.Text.Json.Serialization;
using FluentValidation;
using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Levels;
using Greenlight.Modules.Access.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using AccessPreferences = Greenlight.Modules.Access.Organization.Preferences;

namespace Greenlight.Modules.Access.Preferences;

public sealed record GetPreferences : IRequest<AccessPreferences>, IAuthenticatedRequest;

/// <summary>Sets the system preferences, all three at once; assignee defaults apply to later assignments only.</summary>
/// <remarks>Each is required (<see cref="JsonRequiredAttribute"/>): left out, a value type would read as its default (false, None).</remarks>
public sealed record SetPreferences(
    [property: JsonRequired] bool CollaborateByEmail,
    [property: JsonRequired] Permission AssigneePermission,
    [property: JsonRequired] Permission AssigneeProjectPermission) : IRequest<AccessPreferences>, IAdministrativeRequest;

public sealed class SetPreferencesValidator : AbstractValidator<SetPreferences>
{
    public SetPreferencesValidator()
    {
        RuleFor(r => r.AssigneePermission).IsInEnum().NotEqual(Permission.None).WithMessage("An assignee receives View, Contribute or Manage.");
        RuleFor(r => r.AssigneeProjectPermission).IsInEnum();
    }
}

public sealed class PreferencesHandlers(IGrainFactory grains, AccessSnapshots snapshots, IStore store, ICurrentPrincipal current) :
    IRequestHandler<GetPreferences, AccessPreferences>, IRequestHandler<SetPreferences, AccessPreferences>
{
    public async Task<AccessPreferences> Handle(GetPreferences request, CancellationToken cancellationToken) =>
        (await snapshots.DirectoryAsync()).Preferences;

    public async Task<AccessPreferences> Handle(SetPreferences request, CancellationToken cancellationToken)
    {
        if (!request.CollaborateByEmail && await UserRows.AnyActiveWithLevelAsync(store, BuiltInAccessLevels.External.Id, cancellationToken))
            throw new ConflictException("collaborateByEmail cannot be turned off while active external users exist; deactivate them first.");
        var preferences = new AccessPreferences(request.CollaborateByEmail, request.AssigneePermission, request.AssigneeProjectPermission);
        await grains.Directory().SavePreferencesAsync(preferences, current.ActorId());
        return preferences;
    }
}

public sealed class PreferencesEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var preferences = api.MapGroup("/access/preferences").WithTags("Access: preferences");
        preferences.MapGet("/", async Task<Ok<AccessPreferences>> (IMediator sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetPreferences(), ct))).WithName("GetAccessPreferences");
        preferences.MapPut("/", async Task<Ok<AccessPreferences>> (IMediator sender, SetPreferences request, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(request, ct))).WithName("SetAccessPreferences")
            .WithSummary("Collaborating by email (external users, sharing by address) and the project access defaults for assignees.");
    }
}
