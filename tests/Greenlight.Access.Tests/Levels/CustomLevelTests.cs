using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Levels;

namespace Greenlight.Access.Tests.Levels;

public sealed class CustomLevelTests
{
    [Fact]
    public void A_copy_keeps_license_and_settings_and_is_named_after_its_source()
    {
        var copy = AccessLevelRules.Copy(BuiltInAccessLevels.Light, "light-copy");

        Assert.Equal("Light (Copy)", copy.Name);
        Assert.Equal("light-copy", copy.Id);
        Assert.Equal(License.Light, copy.License);
        Assert.Null(copy.BuiltIn);
        Assert.All(AccessAreas.All, area => Assert.Equal(BuiltInAccessLevels.Light.Area(area), copy.Area(area)));
        Assert.Empty(AccessLevelRules.Validate(copy));
    }

    [Theory]
    [InlineData(BuiltInLevel.SystemAdministrator)]
    [InlineData(BuiltInLevel.External)]
    public void System_administrator_and_external_can_be_neither_copied_nor_changed(BuiltInLevel kind)
    {
        var level = BuiltInAccessLevels.Get(kind);

        Assert.Throws<InvalidOperationException>(() => AccessLevelRules.Copy(level, "copy"));
        var errors = AccessLevelRules.ValidateChange(level, level.WithArea(AccessArea.Users, AreaAccess.NoAccess));
        Assert.Equal("level", Assert.Single(errors).Field);
    }

    [Fact]
    public void A_custom_level_may_lower_any_setting_and_toggle()
    {
        var copy = AccessLevelRules.Copy(BuiltInAccessLevels.Standard, "standard-copy");
        var lowered = copy
            .WithArea(AccessArea.Projects, AreaAccess.Edit(EditRights.Create))
            .WithArea(AccessArea.Tasks, AreaAccess.View(share: false))
            .WithArea(AccessArea.FinancialData, AreaAccess.NoAccess);

        Assert.Empty(AccessLevelRules.ValidateChange(copy, lowered));
    }

    [Fact]
    public void Raising_a_setting_above_the_license_names_the_field_and_the_license()
    {
        var copy = AccessLevelRules.Copy(BuiltInAccessLevels.Light, "light-copy");
        var raised = copy.WithArea(AccessArea.Projects, AreaAccess.Edit(EditRights.Create)).WithArea(AccessArea.Templates, AreaAccess.View(share: false));

        var errors = AccessLevelRules.ValidateChange(copy, raised);

        Assert.Equal(["areas.projects", "areas.templates"], errors.Select(e => e.Field));
        Assert.Contains("exceeds the Light license maximum", errors[0].Message);
        Assert.Contains("Projects: Edit", errors[0].Message);
    }

    [Fact]
    public void A_toggle_the_license_lacks_is_an_error_on_the_edit_field()
    {
        var copy = AccessLevelRules.Copy(BuiltInAccessLevels.Contributor, "contributor-copy");
        var raised = copy.WithArea(AccessArea.Issues, AreaAccess.Edit(EditRights.Create | EditRights.Copy));

        var error = Assert.Single(AccessLevelRules.ValidateChange(copy, raised));

        Assert.Equal("areas.issues.edit", error.Field);
        Assert.Contains("Copy right exceeds the Contributor license maximum", error.Message);
    }

    [Fact]
    public void Financial_data_is_named_in_camel_case()
    {
        var copy = AccessLevelRules.Copy(BuiltInAccessLevels.Contributor, "contributor-copy");

        var error = Assert.Single(AccessLevelRules.Validate(copy.WithArea(AccessArea.FinancialData, AreaAccess.View(share: true))));

        Assert.Equal("areas.financialData", error.Field);
    }

    [Fact]
    public void A_level_keeps_its_license()
    {
        var copy = AccessLevelRules.Copy(BuiltInAccessLevels.Light, "light-copy");

        var error = Assert.Single(AccessLevelRules.ValidateChange(copy, copy with { License = License.Standard }));

        Assert.Equal("license", error.Field);
    }

    [Fact]
    public void A_built_in_standard_level_may_be_changed_within_its_license()
    {
        var standard = BuiltInAccessLevels.Standard;
        Assert.Empty(AccessLevelRules.ValidateChange(standard, standard.WithArea(AccessArea.ScenarioPlanner, AreaAccess.Edit(EditRights.Create))));
    }
}
