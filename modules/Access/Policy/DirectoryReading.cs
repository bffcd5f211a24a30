using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Levels;
using Greenlight.Modules.Access.Sharing;

namespace Greenlight.Modules.Access.Policy;

/// <summary>
/// Who may see the directory (users, groups, teams): anyone their own profile; a level at View or Edit on the area
/// the rest of it; an External user, whose level shows the users who share with them, only those people, one by one.
/// </summary>
public sealed class DirectoryReading(AccessEvaluator evaluator, SecuredObjectRows rows)
{
    /// <param name="aboutUserId">The user read about, when one is; null for a list or a group or team.</param>
    public async Task<AccessDecision> MayReadAsync(UserProfile caller, AccessArea area, string? aboutUserId = null)
    {
        if (aboutUserId == caller.Id) return AccessDecision.Allow("About themself.");
        if (caller.License != License.External) return await evaluator.AreaAsync(caller, area);
        if (aboutUserId is null) return AccessDecision.Deny("External users do not see the directory.");
        // Someone who does not share with them is, for them, nobody at all.
        return await rows.SharesWithAsync(aboutUserId, await evaluator.PrincipalAsync(caller))
            ? AccessDecision.Allow("Shares with them.")
            : AccessDecision.DenyAsNotFound("External users see only the people who share with them.");
    }
}
