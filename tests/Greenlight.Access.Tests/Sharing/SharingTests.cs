using System.Net;
using Greenlight.Access.Tests.Support;
using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Access.Tests.Sharing;

public sealed class SharingTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    private readonly AccessWorld _world = fixture.World;

    [Fact]
    public async Task The_creator_of_an_object_gets_manage_on_it()
    {
        using var olivia = await _world.UserAsync("olivia");
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id);

        var shares = await _world.SharesAsync(project, olivia.Client);

        var grant = Assert.Single(shares.GetProperty("explicit").EnumerateArray());
        Assert.Equal(olivia.Id, grant.GetProperty("grantee").GetProperty("id").GetString());
        Assert.Equal("Manage", grant.GetProperty("permission").GetString());
    }
}
