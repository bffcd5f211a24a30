using Greenlight.Modules.Work.Documents;
using Greenlight.Modules.Work.Issues;
using Greenlight.Modules.Work.Projects;
using Greenlight.Modules.Work.Tasks;

namespace Greenlight.Modules.Work.Common;

/// <summary>
/// A request that touches objects besides the one its <see cref="ISecuredRequest.Check"/> names: where a move puts
/// the object, a second container named by id. The caller needs the right each one asks for too (for a move: to
/// create that type of object there), checked like the first one, before validation.
/// </summary>
public interface ITouchesOtherObjects
{
    /// <summary>The rights needed besides <see cref="ISecuredRequest.Check"/>.</summary>
    IEnumerable<AccessCheck> OtherChecks { get; }
}

/// <summary>
/// Checks <see cref="ITouchesOtherObjects.OtherChecks"/> through the Access module, after its policy allowed the first
/// object. A caller who may not see an object is answered 404, as for one that does not exist; one who sees it but
/// lacks the right, 403. Every request type implementing the interface is listed here (a test holds it to that).
/// </summary>
internal sealed class OtherObjectsAuthorizer(IMediator sender) :
    IRequestAuthorizer<CreateProject>, IRequestAuthorizer<MoveProject>, IRequestAuthorizer<MoveTask>, IRequestAuthorizer<MoveDocument>,
    IRequestAuthorizer<MoveIssue>
{
    public ValueTask<AccessDecision> DecideAsync(Principal principal, CreateProject request, CancellationToken cancellationToken) =>
        DecideAsync(principal, (ITouchesOtherObjects)request, cancellationToken);

    public ValueTask<AccessDecision> DecideAsync(Principal principal, MoveProject request, CancellationToken cancellationToken) =>
        DecideAsync(principal, (ITouchesOtherObjects)request, cancellationToken);

    public ValueTask<AccessDecision> DecideAsync(Principal principal, MoveTask request, CancellationToken cancellationToken) =>
        DecideAsync(principal, (ITouchesOtherObjects)request, cancellationToken);

    public ValueTask<AccessDecision> DecideAsync(Principal principal, MoveDocument request, CancellationToken cancellationToken) =>
        DecideAsync(principal, (ITouchesOtherObjects)request, cancellationToken);

    public ValueTask<AccessDecision> DecideAsync(Principal principal, MoveIssue request, CancellationToken cancellationToken) =>
        DecideAsync(principal, (ITouchesOtherObjects)request, cancellationToken);

    private async ValueTask<AccessDecision> DecideAsync(Principal principal, ITouchesOtherObjects request, CancellationToken ct)
    {
        foreach (var check in request.OtherChecks)
        {
            var answer = await sender.Send(new CheckAccess(principal.UserId, check), ct);
            if (answer.Allowed) continue;
            if (check.Target is { } target && !(await sender.Send(new CheckAccess(principal.UserId, AccessCheck.On(target, AccessAction.View)), ct)).Allowed)
                return AccessDecision.DenyAsNotFound(answer.Reason);
            return AccessDecision.Deny(answer.Reason);
        }
        return AccessDecision.Allow("The caller holds the rights on every object the request touches.");
    }
}
