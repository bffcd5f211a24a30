namespace Greenlight.Modules.Access.Levels;

/// <summary>
/// One area's setting with its toggles. Built only through the factories, so a toggle never sits
/// under a setting it does not belong to (no Delete right under View, no share toggle under No Access).
/// </summary>
[GenerateSerializer, Immutable, Alias("access.area-access")]
public sealed record AreaAccess
{
    private AreaAccess(AreaSetting setting, EditRights editRights, bool viewShare) =>
        (Setting, EditRights, ViewShare) = (setting, editRights, viewShare);

    [Id(0)]
    public AreaSetting Setting { get; }

    /// <summary>The toggles under Edit; <see cref="EditRights.None"/> under any other setting.</summary>
    [Id(1)]
    public EditRights EditRights { get; }

    /// <summary>The share toggle under View; false under any other setting.</summary>
    [Id(2)]
    public bool ViewShare { get; }

    public static AreaAccess NoAccess { get; } = new(AreaSetting.NoAccess, EditRights.None, false);

    public static AreaAccess View(bool share) => new(AreaSetting.View, EditRights.None, share);

    public static AreaAccess Edit(EditRights rights) => new(AreaSetting.Edit, rights, false);

    public bool Allows(EditRights right) => Setting == AreaSetting.Edit && EditRights.HasFlag(right);

    public bool AllowsShare => Setting switch
    {
        AreaSetting.Edit => EditRights.HasFlag(EditRights.Share),
        AreaSetting.View => ViewShare,
        _ => false,
    };

    public override string ToString() => Setting switch
    {
        AreaSetting.Edit => $"Edit ({EditRights})",
        AreaSetting.View => ViewShare ? "View (share)" : "View (no sharing)",
        _ => "No Access",
    };
}
