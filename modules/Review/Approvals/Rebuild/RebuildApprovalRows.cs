namespace Greenlight.Modules.Review.Approvals.Rebuild;

/// <summary>
/// Writes an approval's rows (report row, documents, open documents, who is waited for, decisions) again from the
/// approval's grain state, as its projection does on every change: for a System Administrator repairing the tables
/// after a fault. Events are history, recorded once each, and are left as they are.
/// </summary>
public sealed record RebuildApprovalRows(string ApprovalId) : IRequest, IAdministrativeRequest;

public sealed class RebuildApprovalRowsValidator : AbstractValidator<RebuildApprovalRows>
{
    public RebuildApprovalRowsValidator() => RuleFor(r => r.ApprovalId).MustBeId();
}

internal sealed class RebuildApprovalRowsHandler(IGrainFactory grains) : IRequestHandler<RebuildApprovalRows, Unit>
{
    public async Task<Unit> Handle(RebuildApprovalRows request, CancellationToken cancellationToken) =>
        await grains.GetGrain<IApprovalGrain>(request.ApprovalId).RebuildRowsAsync()
            ? Unit.Value
            : throw new NotFoundException($"Approval '{request.ApprovalId}'");
}

public sealed class RebuildApprovalRowsEndpoint : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        api.MapGroup("/admin/approvals/{approvalId}").WithTags("Approvals")
            .MapPost("/rebuild-rows", async Task<NoContent> (IMediator sender, string approvalId, CancellationToken ct) =>
            {
                await sender.Send(new RebuildApprovalRows(approvalId), ct);
                return TypedResults.NoContent();
            }).WithName("RebuildApprovalRows").WithSummary("Writes the approval's rows again from its state (System Administrator).");
}
