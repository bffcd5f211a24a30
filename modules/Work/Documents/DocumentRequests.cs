using Greenlight.Modules.Work.Projects;

namespace Greenlight.Modules.Work.Documents;

// UploadDocument, UploadVersion, DownloadVersion, GetDocument, RenameDocument, MoveDocument, DeleteDocument;
// and the module requests AddDocument, ReadDocumentContent, GetDocumentSummary.

/// <summary>A new document with its first version, read from <see cref="Content"/> as it is stored.</summary>
/// <param name="DeclaredLength">The length the client announced (Content-Length), if it did.</param>
public sealed record UploadDocument(string ProjectId, string? FolderId, string Name, string ContentType, Stream Content, long? DeclaredLength)
    : IRequest<DocumentView>, ISecuredRequest
{
    public AccessCheck Check => AccessCheck.CreateIn(DocumentPlace.Of(ProjectId, FolderId), ObjectType.Document);
}

/// <param name="DeclaredLength">The length the client announced (Content-Length), if it did.</param>
public sealed record UploadVersion(string ProjectId, string DocumentId, string ContentType, Stream Content, long? DeclaredLength)
    : IRequest<DocumentView>, ISecuredRequest
{
    public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Document, DocumentId), AccessAction.Edit);
}

public sealed record DownloadVersion(string ProjectId, string DocumentId, int Version) : IRequest<DocumentContent>, ISecuredRequest
{
    public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Document, DocumentId), AccessAction.View);
}

public sealed record GetDocument(string ProjectId, string DocumentId) : IRequest<DocumentView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Document, DocumentId), AccessAction.View);
}

public sealed record RenameDocument(string ProjectId, string DocumentId, string Name) : IRequest<DocumentView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Document, DocumentId), AccessAction.Edit);
}

/// <summary>Into another folder of the project, or to its top level when <see cref="FolderId"/> is null.</summary>
public sealed record MoveDocument(string ProjectId, string DocumentId, string? FolderId) : IRequest<DocumentView>, ISecuredRequest, ITouchesOtherObjects
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Document, DocumentId), AccessAction.Edit);

    /// <summary>Where it goes: the right to add a document there.</summary>
    [JsonIgnore] public IEnumerable<AccessCheck> OtherChecks => [AccessCheck.CreateIn(DocumentPlace.Of(ProjectId, FolderId), ObjectType.Document)];
}

public sealed record DeleteDocument(string ProjectId, string DocumentId) : IRequest, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Document, DocumentId), AccessAction.Delete);
}

public sealed class UploadDocumentValidator : AbstractValidator<UploadDocument>
{
    public UploadDocumentValidator()
    {
        RuleFor(r => r.Name).MustBeName();
        RuleFor(r => r.ContentType).MustBeContentType();
        When(r => r.FolderId is not null, () => RuleFor(r => r.FolderId).MustBeId());
    }
}

public sealed class UploadVersionValidator : AbstractValidator<UploadVersion>
{
    public UploadVersionValidator() => RuleFor(r => r.ContentType).MustBeContentType();
}

public sealed class AddDocumentValidator : AbstractValidator<AddDocument>
{
    public AddDocumentValidator()
    {
        RuleFor(r => r.Name).MustBeName();
        RuleFor(r => r.ContentType).MustBeContentType();
        When(r => r.TaskId is not null, () => RuleFor(r => r.TaskId).MustBeId());
    }
}

public sealed class MoveDocumentValidator : AbstractValidator<MoveDocument>
{
    public MoveDocumentValidator() => When(r => r.FolderId is not null, () => RuleFor(r => r.FolderId).MustBeId());
}

public sealed class RenameDocumentValidator : AbstractValidator<RenameDocument>
{
    public RenameDocumentValidator() => RuleFor(r => r.Name).MustBeName();
}

internal static class ContentTypeRule
{
    public static IRuleBuilderOptions<T, string> MustBeContentType<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(200).Must(v => System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(v, out _))
            .WithMessage("'{PropertyName}' must be a media type such as application/pdf.");
}

internal sealed class DocumentHandlers(IGrainFactory grains, IMediator sender, ICurrentPrincipal current, DocumentContentStore content) :
    IRequestHandler<UploadDocument, DocumentView>, IRequestHandler<AddDocument, DocumentView>, IRequestHandler<UploadVersion, DocumentView>,
    IRequestHandler<DownloadVersion, DocumentContent>, IRequestHandler<ReadDocumentContent, DocumentContent>,
    IRequestHandler<GetDocument, DocumentView>, IRequestHandler<GetDocumentSummary, DocumentView?>,
    IRequestHandler<RenameDocument, DocumentView>, IRequestHandler<MoveDocument, DocumentView>, IRequestHandler<DeleteDocument, Unit>
{
    public Task<DocumentView> Handle(UploadDocument request, CancellationToken cancellationToken) =>
        AddAsync(request.ProjectId, request.FolderId, null, request.Name, new Upload(request.Content, request.DeclaredLength, request.ContentType, current.UserId()),
            cancellationToken);

    public Task<DocumentView> Handle(AddDocument request, CancellationToken cancellationToken) =>
        AddAsync(request.ProjectId, request.FolderId, request.TaskId, request.Name, new Upload(request.Content, null, request.ContentType, request.UploadedBy),
            cancellationToken);

    public Task<DocumentView> Handle(UploadVersion request, CancellationToken cancellationToken) =>
        StoreThenAsync(new Upload(request.Content, request.DeclaredLength, request.ContentType, current.UserId()),
            version => Project(request.ProjectId).AddVersionAsync(request.DocumentId, version), cancellationToken);

    public Task<DocumentContent> Handle(DownloadVersion request, CancellationToken cancellationToken) =>
        OpenAsync(request.ProjectId, request.DocumentId, request.Version);

    public Task<DocumentContent> Handle(ReadDocumentContent request, CancellationToken cancellationToken) =>
        OpenAsync(request.ProjectId, request.DocumentId, request.Version);

    public async Task<DocumentView> Handle(GetDocument request, CancellationToken cancellationToken) =>
        await Project(request.ProjectId).FindDocumentAsync(request.DocumentId) ?? throw new NotFoundException($"Document '{request.DocumentId}'");

    public Task<DocumentView?> Handle(GetDocumentSummary request, CancellationToken cancellationToken) =>
        Project(request.ProjectId).FindDocumentAsync(request.DocumentId);

    public Task<DocumentView> Handle(RenameDocument request, CancellationToken cancellationToken) =>
        Project(request.ProjectId).RenameDocumentAsync(request.DocumentId, request.Name);

    public async Task<DocumentView> Handle(MoveDocument request, CancellationToken cancellationToken)
    {
        var document = await Project(request.ProjectId).MoveDocumentAsync(request.DocumentId, request.FolderId);
        await sender.Send(new MoveSecuredObject(Secured.InProject(request.ProjectId, ObjectType.Document, request.DocumentId),
            DocumentPlace.Of(request.ProjectId, request.FolderId)), cancellationToken);
        return document;
    }

    public async Task<Unit> Handle(DeleteDocument request, CancellationToken cancellationToken)
    {
        await Project(request.ProjectId).DeleteDocumentAsync(request.DocumentId, current.UserId());
        await sender.Send(new RemoveSecuredObject(Secured.InProject(request.ProjectId, ObjectType.Document, request.DocumentId)), cancellationToken);
        return Unit.Value;
    }

    /// <summary>Bytes on their way in, and who sends them.</summary>
    private sealed record Upload(Stream Content, long? DeclaredLength, string ContentType, string Uploader);

    private async Task<DocumentView> AddAsync(string projectId, string? folderId, string? taskId, string name, Upload upload, CancellationToken ct)
    {
        var id = WorkIds.New();
        var document = await StoreThenAsync(upload, version => Project(projectId).AddDocumentAsync(new NewDocument(id, name, folderId, taskId), version), ct);
        await sender.RegisterAsync(Secured.InProject(projectId, ObjectType.Document, id), DocumentPlace.Of(projectId, folderId), upload.Uploader, ct);
        return document;
    }

    /// <summary>
    /// Stores the bytes first (nothing kept over the limit), then records the version; the bytes go if the project
    /// refused the version. Any other failure may have come after the version was stored (its hand-on failed, the
    /// answer was lost), so the bytes stay: a version without bytes would be worse than bytes without a version.
    /// </summary>
    private async Task<DocumentView> StoreThenAsync(Upload upload, Func<StoredVersion, Task<DocumentView>> record, CancellationToken ct)
    {
        var (contentId, size) = await content.WriteAsync(upload.Content, upload.DeclaredLength, ct);
        try
        {
            return await record(new StoredVersion(contentId, size, upload.ContentType, upload.Uploader));
        }
        catch (Exception refused) when (refused is NotFoundException or ConflictException or RequestValidationException)
        {
            await content.DeleteAsync(contentId, CancellationToken.None);
            throw;
        }
    }

    private async Task<DocumentContent> OpenAsync(string projectId, string documentId, int? number)
    {
        var (name, version) = await Project(projectId).GetVersionAsync(documentId, number);
        return new DocumentContent(name, version.ContentType, version.Size, version.Number, content.OpenRead(version.ContentId, version.Size));
    }

    private IProjectGrain Project(string id) => grains.GetGrain<IProjectGrain>(id);
}
