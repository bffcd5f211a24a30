using Greenlight.Kernel.Grains.Snapshots;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Organization;
using Greenlight.Modules.Access.Sharing;
using Greenlight.Modules.Access.Users;

namespace Greenlight.Modules.Access.Grains;

/// <summary>
/// This silo's copies of what the module's grains own: users, the directory and the secured objects.
/// A warm read makes no grain call; the owning grain drops every silo's older copy after each write,
/// before its caller is answered, so a read that follows a write (on any host) sees it.
/// </summary>
public sealed class AccessSnapshots(IGrainFactory grains, SiloSnapshots snapshots)
{
    public static string UserKey(string userId) => "access.user/" + userId;

    public const string DirectoryKey = "access.directory";

    public static string SecuredObjectKey(string objectKey) => "access.object/" + objectKey;

    /// <summary>The user's profile; null when no such user exists, as for a missing or blank id (which no user has, and no grain can).</summary>
    public async ValueTask<UserProfile?> UserAsync(string? userId) =>
        string.IsNullOrWhiteSpace(userId) ? null : (await snapshots.GetAsync(UserKey(userId), () => grains.User(userId).SnapshotAsync())).Profile;

    public ValueTask<DirectoryView> DirectoryAsync() => snapshots.GetAsync(DirectoryKey, () => grains.Directory().SnapshotAsync());

    /// <param name="objectKey">The object's <see cref="ObjectKeys"/> key.</param>
    public ValueTask<SecuredNode> SecuredObjectAsync(string objectKey) =>
        snapshots.GetAsync(SecuredObjectKey(objectKey), () => grains.SecuredObject(objectKey).SnapshotAsync());
}
