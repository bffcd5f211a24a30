using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Modules.Access.Levels;

/// <summary>
/// An area's setting as the API and the stored state spell it: the setting, and its toggles as
/// booleans. Under View only <see cref="Share"/> counts; under No Access none does.
/// </summary>
[GenerateSerializer, Immutable, Alias("access.area-settings")]
public sealed record AreaSettings([property: Id(0)] AreaSetting Setting, [property: Id(1)] bool Create = false, [property: Id(2)] bool Delete = false, [property: Id(3)] bool Share = false, [property: Id(4)] bool ShareSystemWide = false, [property: Id(5)] bool Copy = false)
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
[GenerateSerializer, Immutable, Alias("access.access-level-data")]
public sealed record AccessLevelData([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] License License, [property: Id(3)] BuiltInLevel? BuiltIn, [property: Id(4)] IReadOnlyDictionary<AccessArea, AreaSettings> Areas)
{
    public bool Modifiable => AccessLevelRules.CanBeChangedOrCopied(ToLevel());

    public static AccessLevelData From(AccessLevel level) =>
        new(level.Id, level.Name, level.License, level.BuiltIn, AccessAreas.All.ToDictionary(area => area, area => AreaSettings.From(level.Area(area))));

    public AccessLevel ToLevel() => new(Id, Name, License, BuiltIn, Areas.ToDictionary(area => area.Key, area => area.Value.ToAccess()));
}
