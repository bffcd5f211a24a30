using Microsoft.Extensions.Hosting;

namespace Greenlight.Modules.Review.Metrics;

/// <summary>
/// Writes the approvals report's roll-ups again from the approvals' rows: for a System Administrator repairing them after
/// a fault (rows changed by hand, say). Approvals' changes wait while it runs.
/// </summary>
public sealed record RebuildApprovalReport : IRequest, IAdministrativeRequest;

internal sealed class RebuildApprovalReportHandler(IStore store) : IRequestHandler<RebuildApprovalReport, Unit>
{
    public async Task<Unit> Handle(RebuildApprovalReport request, CancellationToken cancellationToken)
    {
        await store.InTransactionAsync(ApprovalRollups.RebuildAsync, cancellationToken);
        return Unit.Value;
    }
}

public sealed class RebuildApprovalReportEndpoint : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        api.MapPost("/admin/approval-metrics/rebuild", async Task<NoContent> (IMediator sender, CancellationToken ct) =>
        {
            await sender.Send(new RebuildApprovalReport(), ct);
            return TypedResults.NoContent();
        }).WithTags("Approvals").WithName("RebuildApprovalReport").WithSummary("Writes the approvals report's roll-ups again from the approvals (System Administrator).");
}

/// <summary>At start, builds the roll-ups of the approvals stored before they existed, when the migration that made them asks for it.</summary>
internal sealed class ApprovalReportStartup(IStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InTransactionAsync(ApprovalRollups.RebuildIfAskedAsync, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
