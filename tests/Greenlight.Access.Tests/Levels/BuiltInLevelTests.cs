using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Levels;

namespace Greenlight.Access.Tests.Levels;

public sealed class BuiltInLevelTests
{
    public static TheoryData<BuiltInLevel> Levels => [.. Enum.GetValues<BuiltInLevel>()];

    [Theory, MemberData(nameof(Levels))]
    public void Each_built_in_level_ships_at_the_seed_settings_and_its_license_allows_the_seed_maximum(BuiltInLevel kind)
    {
        var level = BuiltInAccessLevels.Get(kind);
        var maximum = BuiltInAccessLevels.LicenseMaximum(level.License);
        foreach (var (area, row) in SeedTables.For(kind))
        {
            Assert.True(row.Shipped == level.Area(area).Setting, $"{kind} {area} ships at {level.Area(area).Setting}; the seed says {row.Shipped}");
            Assert.True(row.Maximum == maximum[area].Setting, $"{level.License} license allows {maximum[area].Setting} on {area}; the seed says {row.Maximum}");
        }
    }

    [Theory, MemberData(nameof(Levels))]
    public void Built_in_levels_are_within_their_license(BuiltInLevel kind) =>
        Assert.Empty(AccessLevelRules.Validate(BuiltInAccessLevels.Get(kind)));

    [Fact]
    public void Licenses_of_the_built_in_levels_follow_the_seed()
    {
        Assert.Equal(License.Standard, BuiltInAccessLevels.SystemAdministrator.License);
        Assert.Equal(License.Standard, BuiltInAccessLevels.Standard.License);
        Assert.Equal(License.Light, BuiltInAccessLevels.Light.License);
        Assert.Equal(License.Contributor, BuiltInAccessLevels.Contributor.License);
        Assert.Equal(License.External, BuiltInAccessLevels.External.License);
        Assert.Equal([true, false, false, false, false], BuiltInAccessLevels.All.Select(l => l.IsSystemAdministrator));
    }

    [Fact]
    public void Only_projects_carry_the_copy_right()
    {
        var standard = BuiltInAccessLevels.Standard;
        Assert.True(standard.Area(AccessArea.Projects).Allows(EditRights.Copy));
        Assert.DoesNotContain(AccessAreas.All.Where(a => a != AccessArea.Projects), a => standard.Area(a).Allows(EditRights.Copy));
    }

    [Fact]
    public void Contributors_set_up_before_24_7_have_no_access_to_portfolios_and_programs_which_the_license_still_lets_them_raise_to_view()
    {
        var before = BuiltInAccessLevels.ContributorAsShippedBefore24_7;
        Assert.Equal(AreaSetting.NoAccess, before.Area(AccessArea.Portfolios).Setting);
        Assert.Equal(AreaSetting.NoAccess, before.Area(AccessArea.Programs).Setting);
        Assert.Empty(AccessLevelRules.ValidateChange(before, BuiltInAccessLevels.Contributor));
    }

    [Fact]
    public void External_may_view_but_share_neither_reports_nor_documents()
    {
        var external = BuiltInAccessLevels.External;
        Assert.All([AccessArea.Reports, AccessArea.Documents, AccessArea.Users], area =>
        {
            Assert.Equal(AreaSetting.View, external.Area(area).Setting);
            Assert.False(external.Area(area).AllowsShare);
        });
    }
}
