namespace Greenlight.Modules.FrameConnector.Common;

/// <summary>
/// Greenlight ids ↔ Frame.io ids: recorded with the result of the mirror step that made (or found) the Frame.io object
/// and written by <see cref="LinksProjection"/> before that step's call returns, so an inbound event finds the Greenlight
/// object, a deactivation finds the user's projects, and a retried project step knows which projects mirror others.
/// </summary>
public sealed class LinksTable() : PortableMigration("frameconnector-0001-links", """
    CREATE TABLE IF NOT EXISTS frameconnector_links (
        frameio_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        project_id TEXT NULL,
        greenlight_id TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS ix_frameconnector_links_greenlight ON frameconnector_links (kind, greenlight_id);
    CREATE TABLE IF NOT EXISTS frameconnector_inbound_events (
        event_key TEXT PRIMARY KEY,
        received_at BIGINT NOT NULL);
    """);

/// <summary>
/// <see cref="User"/>: a Frame.io identity; <see cref="Member"/>: "{frameioProjectId}/{frameioUserId}", a membership;
/// <see cref="AwaitingInvite"/>: "{frameioProjectId}/invite/{userId}", a membership waiting for the user to join the account;
/// <see cref="SentForReview"/>: "review:{file ids}", files Review took (the approval started, or empty);
/// <see cref="Comment"/>: a Frame.io comment recorded in its document's feed.
/// </summary>
public enum LinkKind { Project, TaskFolder, ShareFolder, Upload, User, Member, SentAsset, SentForReview, Comment, AwaitingInvite }

/// <summary>One row of <c>frameconnector_links</c>.</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.link")]
public sealed record Link([property: Id(0)] string FrameioId, [property: Id(1)] LinkKind Kind, [property: Id(2)] string? ProjectId, [property: Id(3)] string GreenlightId)
{
    public Task WriteAsync(IStoreTransaction tx) => tx.ExecuteAsync(
        "INSERT INTO frameconnector_links (frameio_id, kind, project_id, greenlight_id) VALUES (@f, @k, @p, @g) " +
        "ON CONFLICT (frameio_id) DO UPDATE SET kind = @k, project_id = @p, greenlight_id = @g",
        ("@f", FrameioId), ("@k", Kind.ToString()), ("@p", ProjectId), ("@g", GreenlightId));
}

/// <summary>What a mirror step made in Frame.io, recorded with the step's result and written to the links table.</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.links-found")]
public sealed record LinksFound([property: Id(0)] IReadOnlyList<Link> Links) : INotification;

public sealed class LinksProjection : IProjection<LinksFound>
{
    public async Task ApplyAsync(LinksFound found, IStoreTransaction tx)
    {
        foreach (var link in found.Links) await link.WriteAsync(tx);
    }
}

public sealed class Links(IStore store)
{
    public async Task<Link?> FindAsync(string frameioId)
    {
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.Command(
            "SELECT kind, project_id, greenlight_id FROM frameconnector_links WHERE frameio_id = @f", ("@f", frameioId));
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new Link(frameioId, Enum.Parse<LinkKind>(reader.GetString(0)), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2))
            : null;
    }

    /// <summary>The projects whose Frame.io mirror the user is a member of, or waits to join.</summary>
    public async Task<IReadOnlyList<string>> ProjectsOfMemberAsync(string userId)
    {
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.Command(
            "SELECT DISTINCT project_id FROM frameconnector_links WHERE kind IN (@member, @invite) AND greenlight_id = @g AND project_id IS NOT NULL",
            ("@member", nameof(LinkKind.Member)), ("@invite", nameof(LinkKind.AwaitingInvite)), ("@g", userId));
        await using var reader = await command.ExecuteReaderAsync();
        var projects = new List<string>();
        while (await reader.ReadAsync()) projects.Add(reader.GetString(0));
        return projects;
    }
}
