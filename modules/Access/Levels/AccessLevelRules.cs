using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Modules.Access.Levels;

/// <summary>A validation failure, keyed by the path of the field at fault (<c>areas.projects.edit</c>).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>How access levels may be copied and changed: never above their license's maximum.</summary>
public static class AccessLevelRules
{
    /// <summary>System Administrator and External are fixed: the first would hand out full administration, the second has no license to bound it.</summary>
    public static bool CanBeChangedOrCopied(AccessLevel level) =>
        level.BuiltIn is not (BuiltInLevel.SystemAdministrator or BuiltInLevel.External);

    /// <summary>A custom level starts as a copy of another: same license and settings, named "&lt;name&gt; (Copy)" until renamed.</summary>
    public static AccessLevel Copy(AccessLevel source, string newId)
    {
        if (!CanBeChangedOrCopied(source))
            throw new InvalidOperationException($"The {source.Name} access level cannot be copied.");
        return source with { Id = newId, Name = $"{source.Name} (Copy)", BuiltIn = null };
    }

    /// <summary>Errors for changing <paramref name="current"/> into <paramref name="proposed"/>; empty when the change is allowed.</summary>
    public static IReadOnlyList<FieldError> ValidateChange(AccessLevel current, AccessLevel proposed)
    {
        if (!CanBeChangedOrCopied(current))
            return [new FieldError("level", $"The {current.Name} access level cannot be changed.")];
        if (proposed.License != current.License)
            return [new FieldError("license", $"An access level keeps its license ({current.License}); copy a level of the license you want instead.")];
        return Validate(proposed);
    }

    /// <summary>Errors for every setting or toggle of the level above its license's maximum.</summary>
    public static IReadOnlyList<FieldError> Validate(AccessLevel level)
    {
        var maximum = BuiltInAccessLevels.LicenseMaximum(level.License);
        return Excess(level, area => maximum[area], $"the {level.License} license maximum");
    }

    /// <summary>Errors for every setting or toggle of <paramref name="level"/> above <paramref name="bound"/>'s: a group administrator hands out no more than they have.</summary>
    public static IReadOnlyList<FieldError> ExcessOver(AccessLevel level, AccessLevel bound) =>
        level.IsSystemAdministrator && !bound.IsSystemAdministrator
            ? [new FieldError("level", $"{level.Name} is above {bound.Name}.")]
            : Excess(level, bound.Area, $"the level {bound.Name}");

    private static IReadOnlyList<FieldError> Excess(AccessLevel level, Func<AccessArea, AreaAccess> maximum, string bound) =>
        [.. AccessAreas.All.SelectMany(area => Excess(area, level.Area(area), maximum(area), bound))];

    private static IEnumerable<FieldError> Excess(AccessArea area, AreaAccess access, AreaAccess maximum, string bound)
    {
        var field = $"areas.{AccessAreas.FieldName(area)}";
        var limit = $"{bound} ({maximum})";
        if (access.Setting > maximum.Setting)
        {
            yield return new FieldError(field, $"{area}: {access.Setting} exceeds {limit}.");
            yield break;
        }
        var rightsAbove = access.EditRights & ~maximum.EditRights;
        if (access.Setting == AreaSetting.Edit && rightsAbove != EditRights.None)
            yield return new FieldError($"{field}.edit", $"{area}: the {rightsAbove} right exceeds {limit}.");
        if (access.Setting == AreaSetting.View && access.ViewShare && !maximum.AllowsShare)
            yield return new FieldError($"{field}.view", $"{area}: sharing exceeds {limit}.");
    }
}
