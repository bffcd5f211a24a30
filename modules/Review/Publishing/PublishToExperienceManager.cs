using Greenlight.Kernel.Security.Secrets;
using Greenlight.Modules.Review.ExperienceManager;
using Orleans.Concurrency;

namespace Greenlight.Modules.Review.Publishing;

// PublishToExperienceManager, GetPublication: an approved document sent to a folder of Experience Manager Assets
// by a durable job (outbox): upload once, then set the metadata once. Asking again returns the same publication.

[GenerateSerializer, Immutable, Alias("review.publication-view")]
public sealed record PublicationView([property: Id(0)] string ApprovalId, [property: Id(1)] string DocumentId, [property: Id(2)] int Version, [property: Id(3)] string FolderPath, [property: Id(4)] string RequestedBy, [property: Id(5)] string? AssetPath, [property: Id(6)] DateTimeOffset? PublishedAt);

[GenerateSerializer, Alias("review.publication-state")]
public sealed class PublicationState : DurableState
{
    [Id(0)]
    public bool Exists { get; set; }
    [Id(1)]
    public string ApprovalId { get; set; } = "";
    [Id(2)]
    public string ProjectId { get; set; } = "";
    [Id(3)]
    public string ProjectName { get; set; } = "";
    [Id(4)]
    public string DocumentId { get; set; } = "";

    /// <summary>The version the approval decided on: the one sent, whatever is newest by then.</summary>
    [Id(5)]
    public int Version { get; set; }

    [Id(6)]
    public string Title { get; set; } = "";
    [Id(7)]
    public string FolderPath { get; set; } = "";
    [Id(8)]
    public string Decision { get; set; } = "";
    [Id(9)]
    public DateTimeOffset ApprovedAt { get; set; }
    [Id(10)]
    public string RequestedBy { get; set; } = "";
    [Id(11)]
    public string? AssetPath { get; set; }
    [Id(12)]
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <param name="Version">The version of the document the approval decided on.</param>
/// <param name="ApprovedAt">When the approval completed.</param>
[GenerateSerializer, Immutable, Alias("review.new-publication")]
public sealed record NewPublication(
    [property: Id(0)] string ApprovalId, [property: Id(1)] string ProjectId, [property: Id(2)] string ProjectName, [property: Id(3)] string DocumentId, [property: Id(4)] int Version, [property: Id(5)] string Title, [property: Id(6)] string FolderPath, [property: Id(7)] string Decision, [property: Id(8)] DateTimeOffset ApprovedAt, [property: Id(9)] string RequestedBy);

/// <summary>The publishing job's timer-free message: deliver again until the publication is done.</summary>
[GenerateSerializer, Immutable, Alias("review.publication-due")]
public sealed record PublicationDue([property: Id(0)] string PublicationKey) : INotification;

/// <summary>One grain per approved document of an approval: what was asked, and how far the job got.</summary>
[Alias("review.publication")]
public interface IPublicationGrain : IGrainWithStringKey
{
    /// <summary>Starts the job once; asking again returns the publication as it is.</summary>
    [Alias("request")]
    Task<PublicationView> RequestAsync(NewPublication publication);

    [Alias("get"), ReadOnly]
    Task<PublicationState?> GetAsync();

    [Alias("record-upload")]
    Task RecordUploadAsync(string assetPath);

    /// <summary>The metadata is set: the publication is done and recorded in the approval's audit.</summary>
    [Alias("complete")]
    Task CompleteAsync();
}

[GrainType("review.publication")]
public sealed class PublicationGrain(TimeProvider clock) : DurableGrain<PublicationState>, IPublicationGrain
{
    public static string KeyOf(string approvalId, string documentId) => $"{approvalId}:{documentId}";

    public async Task<PublicationView> RequestAsync(NewPublication p)
    {
        if (State.Exists) return View();
        State = new PublicationState
        {
            Exists = true, ApprovalId = p.ApprovalId, ProjectId = p.ProjectId, ProjectName = p.ProjectName, DocumentId = p.DocumentId, Version = p.Version, Title = p.Title,
            FolderPath = p.FolderPath, Decision = p.Decision, ApprovedAt = p.ApprovedAt, RequestedBy = p.RequestedBy,
        };
        var key = this.GetPrimaryKeyString();
        Record(new PublicationDue(key), new DeliveryOptions(null, $"review:publication:{key}"));
        Record(ReviewEventRecorded.Of(Event("PublishRequested", p.RequestedBy)));
        await WriteStateAsync();
        return View();
    }

    public Task<PublicationState?> GetAsync() => Task.FromResult(State.Exists ? State : null);

    public async Task RecordUploadAsync(string assetPath)
    {
        State.AssetPath = assetPath;
        await WriteStateAsync();
    }

    public async Task CompleteAsync()
    {
        if (State.PublishedAt is not null) return;
        State.PublishedAt = clock.GetUtcNow();
        Record(ReviewEventRecorded.Of(Event("Published", "system")));
        await WriteStateAsync();
    }

    public static PublicationView View(PublicationState s) => new(s.ApprovalId, s.DocumentId, s.Version, s.FolderPath, s.RequestedBy, s.AssetPath, s.PublishedAt);

    private PublicationView View() => View(State);

    private ReviewEvent Event(string name, string actor) =>
        new(State.ApprovalId, State.DocumentId, State.ProjectId, name, actor, EventSource.Greenlight, clock.GetUtcNow(), $"{State.FolderPath} {State.AssetPath}".Trim());
}

public sealed record PublishToExperienceManager(string ApprovalId, string DocumentId, string FolderPath) : IRequest<PublicationView>, IAuthenticatedRequest;

public sealed record GetPublication(string ApprovalId, string DocumentId) : IRequest<PublicationView>, IAuthenticatedRequest;

public sealed class PublishToExperienceManagerValidator : AbstractValidator<PublishToExperienceManager>
{
    public PublishToExperienceManagerValidator() =>
        RuleFor(r => r.FolderPath).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(1000).Must(IsDamPath).WithMessage("'Folder Path' must be a path below the DAM root, such as greenlight/spring.");

    private static bool IsDamPath(string path)
    {
        try
        {
            DamPath.Parse(path);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>Sending to Experience Manager needs a Contributor license or higher; both requests need View on every document of the approval.</summary>
internal sealed class PublicationAuthorizer(ViewableApprovals approvals, IMediator sender) :
    IRequestAuthorizer<PublishToExperienceManager>, IRequestAuthorizer<GetPublication>
{
    public async ValueTask<AccessDecision> DecideAsync(Principal principal, PublishToExperienceManager request, CancellationToken cancellationToken) =>
        await sender.Send(new GetUserProfile(principal.UserId), cancellationToken) is { License: not License.External, Active: true } or { IsSystemAdministrator: true }
            ? await approvals.DecideAsync(principal.UserId, request.ApprovalId, request.DocumentId, cancellationToken)
            : AccessDecision.Deny("Sending to Experience Manager needs a Contributor license or higher.");

    public ValueTask<AccessDecision> DecideAsync(Principal principal, GetPublication request, CancellationToken cancellationToken) =>
        approvals.DecideAsync(principal.UserId, request.ApprovalId, request.DocumentId, cancellationToken);
}

internal sealed class PublicationHandlers(IGrainFactory grains, ViewableApprovals approvals, IMediator sender, ICurrentPrincipal current) :
    IRequestHandler<PublishToExperienceManager, PublicationView>, IRequestHandler<GetPublication, PublicationView>
{
    public async Task<PublicationView> Handle(PublishToExperienceManager request, CancellationToken cancellationToken)
    {
        var (_, approval) = await approvals.GetAsync(request.ApprovalId);
        if (approval.Status is not (ApprovalStatus.Approved or ApprovalStatus.ApprovedWithChanges))
            throw new ConflictException($"Approval '{approval.Id}' is {approval.Status}; only an approved document is sent to Experience Manager.");
        if (await ConnectionHandlers.Connection(grains).GetAsync() is null)
            throw new ConflictException("No Experience Manager connection is configured; an administrator sets one up first.");
        var project = await sender.Send(new GetProjectSummary(approval.ProjectId), cancellationToken);
        var document = await sender.Send(new GetDocumentSummary(approval.ProjectId, request.DocumentId), cancellationToken)
                       ?? throw new NotFoundException($"Document '{request.DocumentId}'");
        return await Publication(request.ApprovalId, request.DocumentId).RequestAsync(new NewPublication(approval.Id, approval.ProjectId, project?.Name ?? approval.ProjectId,
            document.Id, approval.DocumentVersions[document.Id], document.Name, request.FolderPath, approval.Status.ToString(), approval.CompletedAt!.Value, current.UserId()));
    }

    public async Task<PublicationView> Handle(GetPublication request, CancellationToken cancellationToken) =>
        await Publication(request.ApprovalId, request.DocumentId).GetAsync() is { } state
            ? PublicationGrain.View(state)
            : throw new NotFoundException($"The publication of document '{request.DocumentId}'");

    private IPublicationGrain Publication(string approvalId, string documentId) =>
        grains.GetGrain<IPublicationGrain>(PublicationGrain.KeyOf(approvalId, documentId));
}

/// <summary>
/// The job, delivered at least once: an upload whose outcome is unknown is found by its path rather than redone;
/// the metadata is written once the asset is recorded. A failure throws, so the outbox retries (and parks it in the end).
/// </summary>
internal sealed class PublicationDueHandler(IGrainFactory grains, ISecretProtector secrets, IMediator sender, IExperienceManagerClient client)
    : INotificationHandler<PublicationDue>
{
    public async Task Handle(PublicationDue notification, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IPublicationGrain>(notification.PublicationKey);
        if (await grain.GetAsync() is not { PublishedAt: null } publication) return;
        var connection = await ConnectionHandlers.OpenAsync(grains, secrets)
                         ?? throw new InvalidOperationException("No Experience Manager connection is configured.");
        var assetPath = publication.AssetPath ?? await UploadAsync(connection, publication, cancellationToken);
        if (publication.AssetPath is null) await grain.RecordUploadAsync(assetPath);
        await client.SetMetadataAsync(connection, assetPath,
            new AssetMetadata(publication.Title, publication.ProjectName, publication.Decision, publication.ApprovedAt), cancellationToken);
        await grain.CompleteAsync();
    }

    private async Task<string> UploadAsync(ExperienceManagerConnection connection, PublicationState publication, CancellationToken ct)
    {
        await client.EnsureFolderAsync(connection, publication.FolderPath, ct);
        var content = await sender.Send(new ReadDocumentContent(publication.ProjectId, publication.DocumentId, publication.Version), ct);
        await using var stream = content.Content;
        var expected = DamPath.Parse(publication.FolderPath).Child(content.Name).ToString();
        return await client.FindAssetAsync(connection, expected, ct) is { } found
            ? found.Path
            : await client.UploadAsync(connection, publication.FolderPath, new AssetFile(content.Name, content.ContentType, content.Size, stream), ct);
    }
}

public sealed class PublicationEndpoints : IEndpoints
{
    public sealed record Body(string FolderPath);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var publication = api.MapGroup("/approvals/{approvalId}/documents/{documentId}/publication").WithTags("Experience Manager");
        publication.MapPost("/", async Task<Accepted<PublicationView>> (IMediator sender, string approvalId, string documentId, Body body, CancellationToken ct) =>
        {
            var accepted = await sender.Send(new PublishToExperienceManager(approvalId, documentId, body.FolderPath), ct);
            return TypedResults.Accepted($"/api/v1/approvals/{approvalId}/documents/{documentId}/publication", accepted);
        }).WithName("PublishToExperienceManager").WithSummary("Sends the approved document to the folder: upload, then metadata, by a durable job.");
        publication.MapGet("/", async Task<Ok<PublicationView>> (IMediator sender, string approvalId, string documentId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetPublication(approvalId, documentId), ct))).WithName("GetPublication");
    }
}
