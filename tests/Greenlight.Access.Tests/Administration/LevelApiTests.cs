using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Access.Tests.Support;

namespace Greenlight.Access.Tests.Administration;

public sealed class LevelApiTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    private readonly AccessWorld _world = fixture.World;
    private HttpClient Admin => _world.Host.Admin;

    private async Task<JsonElement> CopyAsync(string source) =>
        await (await Admin.PostAsync($"/api/v1/access/levels/{source}/copy", null)).ReadSuccessAsync<JsonElement>();

    [Fact]
    public async Task The_five_built_in_levels_are_listed()
    {
        var levels = await Admin.GetJsonAsync("/api/v1/access/levels");

        var ids = levels.EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "system-administrator", "standard", "light", "contributor", "external" }, ids.ToHashSet());
        Assert.False((await Admin.GetJsonAsync("/api/v1/access/levels/external")).GetProperty("modifiable").GetBoolean());
    }

    [Fact]
    public async Task A_copy_is_named_after_its_source_and_keeps_the_license()
    {
        var copy = await CopyAsync("light");

        Assert.Equal("Light (Copy)", copy.GetProperty("name").GetString());
        Assert.Equal("Light", copy.GetProperty("license").GetString());
        await (await Admin.PostAsync("/api/v1/access/levels/system-administrator/copy", null)).AssertInvalidFieldAsync("sourceId");
        await (await Admin.PostAsync("/api/v1/access/levels/external/copy", null)).AssertInvalidFieldAsync("sourceId");
    }

    [Fact]
    public async Task A_setting_above_the_license_maximum_is_refused_naming_the_field_and_changes_nothing()
    {
        var id = (await CopyAsync("light")).GetProperty("id").GetString();

        var raise = await Admin.PatchAsJsonAsync($"/api/v1/access/levels/{id}", new
        {
            name = "Reviewers",
            areas = new { projects = new { setting = "Edit", create = true }, tasks = new { setting = "NoAccess" } },
        });

        await raise.AssertInvalidFieldAsync("areas.projects");
        var level = await Admin.GetJsonAsync($"/api/v1/access/levels/{id}");
        Assert.Equal("Light (Copy)", level.GetProperty("name").GetString());
        Assert.Equal("View", level.GetProperty("areas").GetProperty("Tasks").GetProperty("setting").GetString());
    }

    [Fact]
    public async Task Fine_toggles_may_be_lowered_under_edit_and_view()
    {
        var id = (await CopyAsync("standard")).GetProperty("id").GetString();

        var changed = await (await Admin.PatchAsJsonAsync($"/api/v1/access/levels/{id}", new
        {
            name = "Planners",
            areas = new
            {
                projects = new { setting = "Edit", create = true, delete = false, share = true, shareSystemWide = false, copy = true },
                reports = new { setting = "View", share = false },
            },
        })).ReadSuccessAsync<JsonElement>();

        var projects = changed.GetProperty("areas").GetProperty("Projects");
        Assert.Equal("Planners", changed.GetProperty("name").GetString());
        Assert.Equal((true, false, false), (projects.GetProperty("create").GetBoolean(), projects.GetProperty("delete").GetBoolean(), projects.GetProperty("shareSystemWide").GetBoolean()));
        Assert.False(changed.GetProperty("areas").GetProperty("Reports").GetProperty("share").GetBoolean());
    }

    [Fact]
    public async Task A_patch_changes_only_the_fields_sent_even_inside_an_area()
    {
        var id = (await CopyAsync("standard")).GetProperty("id").GetString();

        var noCreate = await (await Admin.PatchAsJsonAsync($"/api/v1/access/levels/{id}", new { areas = new { projects = new { create = false } } })).ReadSuccessAsync<JsonElement>();
        var viewOnly = await (await Admin.PatchAsJsonAsync($"/api/v1/access/levels/{id}", new { areas = new { projects = new { setting = "View" } } })).ReadSuccessAsync<JsonElement>();

        var projects = noCreate.GetProperty("areas").GetProperty("Projects");
        Assert.Equal(("Edit", false, true, true), (projects.GetProperty("setting").GetString(), projects.GetProperty("create").GetBoolean(),
            projects.GetProperty("delete").GetBoolean(), projects.GetProperty("share").GetBoolean()));
        // Share was not sent: it stays on under View.
        Assert.Equal(("View", true), (viewOnly.GetProperty("areas").GetProperty("Projects").GetProperty("setting").GetString(),
            viewOnly.GetProperty("areas").GetProperty("Projects").GetProperty("share").GetBoolean()));
        Assert.Equal("Standard (Copy)", viewOnly.GetProperty("name").GetString());
        Assert.Equal("Edit", viewOnly.GetProperty("areas").GetProperty("Tasks").GetProperty("setting").GetString());
    }

    [Fact]
    public async Task An_area_sent_as_null_or_by_number_is_refused_naming_it_and_changes_nothing()
    {
        var id = (await CopyAsync("standard")).GetProperty("id").GetString();
        var before = (await Admin.GetJsonAsync($"/api/v1/access/levels/{id}")).GetRawText();

        await (await Admin.PatchAsJsonAsync($"/api/v1/access/levels/{id}", new { areas = new { projects = (object?)null } })).AssertInvalidFieldAsync("areas.projects");
        await (await Admin.PatchAsJsonAsync($"/api/v1/access/levels/{id}", new { areas = new { projects = new { setting = 0 } } })).AssertInvalidFieldAsync("areas.projects.setting");
        await (await Admin.PatchAsJsonAsync($"/api/v1/access/levels/{id}", new Dictionary<string, object> { ["areas"] = new Dictionary<string, object> { ["0"] = new { setting = "NoAccess" } } }))
            .AssertInvalidFieldAsync("areas.0");

        Assert.Equal(before, (await Admin.GetJsonAsync($"/api/v1/access/levels/{id}")).GetRawText());
    }

    [Fact]
    public async Task The_external_level_is_never_changed_but_built_in_standard_may_be()
    {
        await (await Admin.PatchAsJsonAsync("/api/v1/access/levels/external", new { name = "Guests" })).AssertInvalidFieldAsync("level");
        await (await Admin.PatchAsJsonAsync("/api/v1/access/levels/system-administrator", new { name = "Root" })).AssertInvalidFieldAsync("level");
        await (await Admin.PatchAsJsonAsync("/api/v1/access/levels/contributor", new { areas = new { goals = new { setting = "View", share = true } } })).ReadSuccessAsync<JsonElement>();
    }

    [Fact]
    public async Task A_custom_level_in_use_is_not_deleted()
    {
        var used = (await CopyAsync("standard")).GetProperty("id").GetString()!;
        var unused = (await CopyAsync("standard")).GetProperty("id").GetString()!;
        using var user = await _world.UserAsync("holder", used);

        await (await Admin.DeleteAsync($"/api/v1/access/levels/{used}")).AssertProblemAsync(HttpStatusCode.Conflict);
        await AccessWorld.AssertStatusAsync(await Admin.DeleteAsync($"/api/v1/access/levels/{unused}"), HttpStatusCode.NoContent);
        await (await Admin.GetAsync($"/api/v1/access/levels/{unused}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.DeleteAsync("/api/v1/access/levels/standard")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_system_administrators_manage_levels()
    {
        using var standard = await _world.UserAsync("standard");

        await (await standard.Client.PostAsync("/api/v1/access/levels/standard/copy", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await standard.Client.PatchAsJsonAsync("/api/v1/access/levels/standard", new { name = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
