using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Modules.Access;

/// <summary>The module's route groups under /api/v1, shared by the features that add to them.</summary>
public static class AccessRoutes
{
    public static RouteGroupBuilder Levels(IEndpointRouteBuilder api) => api.MapGroup("/access/levels").WithTags("Access: levels");

    public static RouteGroupBuilder Users(IEndpointRouteBuilder api) => api.MapGroup("/access/users").WithTags("Access: users");

    public static RouteGroupBuilder Groups(IEndpointRouteBuilder api) => api.MapGroup("/access/groups").WithTags("Access: groups");

    public static RouteGroupBuilder Teams(IEndpointRouteBuilder api) => api.MapGroup("/access/teams").WithTags("Access: teams");

    /// <summary>One object of the work tree: its container, then the object (the container itself repeats its own type and id).</summary>
    public static RouteGroupBuilder Objects(IEndpointRouteBuilder api) =>
        api.MapGroup("/access/objects/{containerType}/{containerId}/{objectType}/{objectId}").WithTags("Access: sharing");

    public static Contracts.SecuredRef Target(Contracts.ObjectType containerType, string containerId, Contracts.ObjectType objectType, string objectId) =>
        new(new Contracts.ObjectRef(objectType, objectId), new Contracts.ObjectRef(containerType, containerId));
}
