using Microsoft.AspNetCore.Routing;

namespace Greenlight.Kernel.Http;

/// <summary>
/// A feature's HTTP surface. The host finds every implementation by scanning and calls it with the
/// <c>/api/v1</c> group, which already requires a bearer token; map a sub-group with typed results
/// that sends requests through the mediator.
/// </summary>
public interface IEndpoints
{
    void MapEndpoints(IEndpointRouteBuilder api);
}
