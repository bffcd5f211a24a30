using FluentValidation;
using Greenlight.Kernel.Grains;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Policy;

namespace Greenlight.Modules.Access.Users.Api;

/// <summary>The profile fields a create or a change may carry; null: not given (a change leaves it as it is).</summary>
public interface IUserFields
{
    string? Name { get; }
    string? Email { get; }
    string? AccessLevelId { get; }
    string? HomeGroupId { get; }
    IReadOnlyList<string>? GroupIds { get; }
    string? HomeTeamId { get; }
    IReadOnlyList<string>? TeamIds { get; }
}

/// <summary>
/// Each field given must name what exists: a level, groups, teams. The External level is refused
/// while the organization does not collaborate with people by email.
/// </summary>
public abstract class UserFieldsValidator<T> : AbstractValidator<T> where T : IUserFields
{
    protected UserFieldsValidator(AccessSnapshots snapshots)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200).When(r => r.Name is not null);
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(320).When(r => r.Email is not null);
        RuleFor(r => r).CustomAsync(async (user, context, _) =>
        {
            var directory = await snapshots.DirectoryAsync();
            if (user.AccessLevelId is { } levelId)
            {
                if (directory.Level(levelId) is not { } level)
                    context.AddFailure(nameof(IUserFields.AccessLevelId), $"There is no access level '{levelId}'.");
                else if (level.License == License.External && !directory.Preferences.CollaborateByEmail)
                    context.AddFailure(nameof(IUserFields.AccessLevelId),
                        "External users exist only while the preference collaborateByEmail (collaborate with people by email) is on.");
            }
            if (user.HomeGroupId is { } home && !directory.HasGroup(home))
                context.AddFailure(nameof(IUserFields.HomeGroupId), $"There is no group '{home}'.");
            foreach (var (group, i) in (user.GroupIds ?? []).Select((g, i) => (g, i)).Where(g => !directory.HasGroup(g.g)))
                context.AddFailure($"{nameof(IUserFields.GroupIds)}[{i}]", $"There is no group '{group}'.");
            if (user.HomeTeamId is { } team && !directory.HasTeam(team))
                context.AddFailure(nameof(IUserFields.HomeTeamId), $"There is no team '{team}'.");
            foreach (var (other, i) in (user.TeamIds ?? []).Select((t, i) => (t, i)).Where(t => !directory.HasTeam(t.t)))
                context.AddFailure($"{nameof(IUserFields.TeamIds)}[{i}]", $"There is no team '{other}'.");
        });
    }
}

public static class UserFieldsExtensions
{
    /// <summary>The memberships and level a create or change gives the user (the policy's group-administrator check).</summary>
    public static UserAssignment Assignment(this IUserFields user) =>
        new(user.AccessLevelId, user.HomeGroupId, user.GroupIds, user.HomeTeamId, user.TeamIds);
}
