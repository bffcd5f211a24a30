using System.Security.Cryptography;
using System.Text;
using Greenlight.Kernel.Messages;
using Greenlight.Kernel.Outbox.ParkedMessages;

namespace Greenlight.Modules.FrameConnector.Mirror;

// What is stuck in the mirrors, for the operator's one view of stuck work (GET /admin/outbox/parked, the kernel's
// IStuckWorkSource): steps parked after their tries, people waiting for an invite in Frame.io or for their removal
// from its account, a mirror whose connection is gone. Each mirror records the whole of its stuck work whenever it
// changes; the projection replaces the project's rows, so the view reads one small table.

/// <summary>One stuck thing of a mirror: the step it blocks, why, after how many tries, since when.</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.stuck-work")]
public sealed record StuckWork([property: Id(0)] string Step, [property: Id(1)] string Error, [property: Id(2)] int Tries, [property: Id(3)] DateTimeOffset Since);

/// <summary>Everything stuck in the project's mirror now (empty: nothing is).</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.mirror-stuck-changed")]
public sealed record MirrorStuckChanged([property: Id(0)] string ProjectId, [property: Id(1)] IReadOnlyList<StuckWork> Items) : INotification;

public sealed class MirrorStuckTable() : PortableMigration("frameconnector-0003-stuck", """
    CREATE TABLE IF NOT EXISTS frameconnector_stuck (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL,
        step TEXT NOT NULL,
        error TEXT NOT NULL,
        tries INTEGER NOT NULL,
        since BIGINT NOT NULL);
    CREATE INDEX IF NOT EXISTS ix_frameconnector_stuck_project ON frameconnector_stuck (project_id);
    CREATE INDEX IF NOT EXISTS ix_frameconnector_stuck_since ON frameconnector_stuck (since);
    """);

public sealed class MirrorStuckProjection : IProjection<MirrorStuckChanged>
{
    public async Task ApplyAsync(MirrorStuckChanged changed, IStoreTransaction tx)
    {
        await tx.ExecuteAsync("DELETE FROM frameconnector_stuck WHERE project_id = @p", ("@p", changed.ProjectId));
        foreach (var item in changed.Items)
        {
            await tx.ExecuteAsync("INSERT INTO frameconnector_stuck (id, project_id, step, error, tries, since) VALUES (@id, @p, @step, @error, @tries, @since)",
                ("@id", MirrorStuckWork.IdOf(changed.ProjectId, item.Step)), ("@p", changed.ProjectId), ("@step", item.Step), ("@error", item.Error),
                ("@tries", item.Tries), ("@since", item.Since.ToUnixTimeMilliseconds()));
        }
    }
}

/// <summary>
/// The mirrors' stuck work in the operator's view: one entry per stuck step of a project. Retrying one retries the whole
/// sync of its project (as <c>POST /frameio/projects/{id}/retry</c> does).
/// </summary>
public sealed class MirrorStuckWork(IStore store, IGrainFactory grains) : IStuckWorkSource
{
    private const string IdPrefix = "frameio-";
    private static readonly string StepMessage = MessageCatalog.Name(typeof(MirrorStepDue));

    public static string IdOf(string projectId, string step) =>
        IdPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{projectId}\n{step}")))[..32];

    public async Task<IReadOnlyList<ParkedMessage>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT id, project_id, step, error, tries, since FROM frameconnector_stuck ORDER BY since DESC, id LIMIT @limit", ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stuck = new List<ParkedMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var since = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5));
            stuck.Add(new ParkedMessage(reader.GetString(0), StepMessage, nameof(ProjectMirrorGrain), reader.GetInt32(4),
                $"Frame.io sync of project {reader.GetString(1)}, step {reader.GetString(2)}: {reader.GetString(3)}", since, since));
        }
        return stuck;
    }

    public async Task<bool> RetryAsync(string id, CancellationToken cancellationToken)
    {
        if (!id.StartsWith(IdPrefix, StringComparison.Ordinal) || await ProjectOfAsync(id, cancellationToken) is not { } projectId) return false;
        await grains.GetGrain<IProjectMirrorGrain>(projectId).RetryAsync();
        return true;
    }

    private async Task<string?> ProjectOfAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return await connection.ScalarAsync<string>("SELECT project_id FROM frameconnector_stuck WHERE id = @id", ("@id", id));
    }
}
