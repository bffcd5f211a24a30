using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Modules.Access.Levels;

/// <summary>
/// An area's setting as the API and the stored state spell it: the setting, and its toggles as
/// booleans. Under View only <see cref="Share"/> counts; under No Access none does.
/// </summary>
public sealed record AreaSettings(AreaSetting Setting, bool Create = false, bool Delete = false, bool Share = false, bool ShareSystemWide = false, bool Copy = false)
{
    public static AreaSettings From(AreaAccess access) => new(access.Setting,
        access.Allows(EditRights.Create), access.Allows(EditRights.Delete), access.AllowsShare,
        access.Allows(EditRights.ShareSystemWide), access.Allows(EditRights.Copy));

    public AreaAccess ToAccess() => Setting switch
    {
        AreaSetting.Edit => AreaAccess.Edit(
            (Create ? EditRights.Create : EditRights.None) | (Delete ? EditRights.Delete : EditRights.None)
            | (Share ? EditRights.Share : EditRights.None) | (ShareSystemWide ? EditRights.ShareSystemWide : EditRights.None)
            | (Copy ? EditRights.Copy : EditRights.None)),
        AreaSetting.View => AreaAccess.View(Share),
        _ => AreaAccess.NoAccess,
    };
}

/// <summary>An access level as stored and shown.</summary>
/// <param name="Modifiable">False for System Administrator and External, which can be neither changed nor copied.</param>
public sealed record AccessLevelData(string Id, string Name, License License, BuiltInLevel? BuiltIn, IReadOnlyDictionary<AccessArea, AreaSettings> Areas)
{
    public bool Modifiable => AccessLevelRules.CanBeChangedOrCopied(ToLevel());

    public static AccessLevelData From(AccessLevel level) =>
        new(level.Id, level.Name, level.License, level.BuiltIn, AccessAreas.All.ToDictionary(area => area, area => AreaSettings.From(level.Area(area))));

    public AccessLevel ToLevel() => new(Id, Name, License, BuiltIn, Areas.ToDictionary(area => area.Key, area => area.Value.ToAccess()));
}
