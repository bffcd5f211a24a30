using Greenlight.Modules.Work.Catalog;

namespace Greenlight.Modules.Work.Projects;

// CreateProject, GetProject, EditProject, ChangeProjectStatus, MoveProject, DeleteProject.

public sealed record CreateProject(
    string Name, string? Description, string? GroupId, string? OwnerId, string? ProgramId, string? PortfolioId, ProjectStatus Status = ProjectStatus.Planning)
    : IRequest<ProjectView>, ISecuredRequest, INamedFields
{
    [JsonIgnore]
    public AccessCheck Check => Secured.ProjectParent(ProgramId, PortfolioId) is { } parent
        ? AccessCheck.CreateIn(parent, ObjectType.Project)
        : AccessCheck.CreateAtTopLevel(ObjectType.Project);
}

public sealed record GetProject(string ProjectId) : IRequest<ProjectView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Project(ProjectId), AccessAction.View);
}

public sealed record EditProject(string ProjectId, string Name, string? Description, string? GroupId, string OwnerId)
    : IRequest<ProjectView>, ISecuredRequest, INamedFields
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Project(ProjectId), AccessAction.Edit);
}

public sealed record ChangeProjectStatus(string ProjectId, ProjectStatus Status) : IRequest<ProjectView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Project(ProjectId), AccessAction.Update);
}

/// <summary>Into a program (its portfolio follows), a portfolio, or to the top level when both are null.</summary>
public sealed record MoveProject(string ProjectId, string? ProgramId, string? PortfolioId) : IRequest<ProjectView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Project(ProjectId), AccessAction.Edit);
}

public sealed record DeleteProject(string ProjectId) : IRequest, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Project(ProjectId), AccessAction.Delete);
}

public sealed class CreateProjectValidator : NamedFieldsValidator<CreateProject>
{
    public CreateProjectValidator(IGrainFactory grains)
    {
        RuleFor(r => r.Status).IsInEnum();
        When(r => r.GroupId is not null, () => RuleFor(r => r.GroupId).MustBeId());
        When(r => r.OwnerId is not null, () => RuleFor(r => r.OwnerId).MustBeId());
        When(r => r.ProgramId is not null, () => RuleFor(r => r.ProgramId).MustExist<CreateProject, IProgramGrain>(grains));
        When(r => r.PortfolioId is not null, () => RuleFor(r => r.PortfolioId).MustExist<CreateProject, IPortfolioGrain>(grains));
    }
}

public sealed class EditProjectValidator : NamedFieldsValidator<EditProject>
{
    public EditProjectValidator()
    {
        When(r => r.GroupId is not null, () => RuleFor(r => r.GroupId).MustBeId());
        RuleFor(r => r.OwnerId).MustBeId();
    }
}

public sealed class ChangeProjectStatusValidator : AbstractValidator<ChangeProjectStatus>
{
    public ChangeProjectStatusValidator() => RuleFor(r => r.Status).IsInEnum();
}

public sealed class MoveProjectValidator : AbstractValidator<MoveProject>
{
    public MoveProjectValidator(IGrainFactory grains)
    {
        When(r => r.ProgramId is not null, () => RuleFor(r => r.ProgramId).MustExist<MoveProject, IProgramGrain>(grains));
        When(r => r.PortfolioId is not null, () => RuleFor(r => r.PortfolioId).MustExist<MoveProject, IPortfolioGrain>(grains));
    }
}

internal sealed class ProjectHandlers(IGrainFactory grains, IMediator sender, ICurrentPrincipal current) :
    IRequestHandler<CreateProject, ProjectView>, IRequestHandler<GetProject, ProjectView>, IRequestHandler<EditProject, ProjectView>,
    IRequestHandler<ChangeProjectStatus, ProjectView>, IRequestHandler<MoveProject, ProjectView>, IRequestHandler<DeleteProject, Unit>,
    IRequestHandler<GetProjectSummary, ProjectView?>, IRequestHandler<ApprovalOpened, Unit>, IRequestHandler<ApprovalClosed, Unit>
{
    public async Task<ProjectView> Handle(CreateProject request, CancellationToken cancellationToken)
    {
        var (id, user) = (WorkIds.New(), current.UserId());
        var (programId, portfolioId) = await grains.PlaceProjectAsync(request.ProgramId, request.PortfolioId);
        var project = await Project(id).CreateAsync(new NewProject(request.Name, request.Description, request.GroupId, request.OwnerId ?? user,
            programId, portfolioId, request.Status, user));
        await sender.Send(new RegisterSecuredObject(Secured.Project(id), Secured.ProjectParent(programId, portfolioId), user), cancellationToken);
        return project;
    }

    public async Task<ProjectView> Handle(GetProject request, CancellationToken cancellationToken) =>
        await Project(request.ProjectId).FindAsync() ?? throw new NotFoundException($"Project '{request.ProjectId}'");

    public Task<ProjectView> Handle(EditProject request, CancellationToken cancellationToken) =>
        Project(request.ProjectId).EditAsync(new ProjectDetails(request.Name, request.Description, request.GroupId, request.OwnerId));

    public Task<ProjectView> Handle(ChangeProjectStatus request, CancellationToken cancellationToken) =>
        Project(request.ProjectId).SetStatusAsync(request.Status, current.UserId());

    public async Task<ProjectView> Handle(MoveProject request, CancellationToken cancellationToken)
    {
        var (programId, portfolioId) = await grains.PlaceProjectAsync(request.ProgramId, request.PortfolioId);
        var project = await Project(request.ProjectId).MoveAsync(programId, portfolioId);
        await sender.Send(new MoveSecuredObject(Secured.Project(request.ProjectId), Secured.ProjectParent(programId, portfolioId)), cancellationToken);
        return project;
    }

    public async Task<Unit> Handle(DeleteProject request, CancellationToken cancellationToken)
    {
        await Project(request.ProjectId).DeleteAsync(current.UserId());
        await sender.Send(new RemoveSecuredObject(Secured.Project(request.ProjectId)), cancellationToken);
        return Unit.Value;
    }

    public Task<ProjectView?> Handle(GetProjectSummary request, CancellationToken cancellationToken) => Project(request.ProjectId).FindAsync();

    public async Task<Unit> Handle(ApprovalOpened request, CancellationToken cancellationToken)
    {
        await Project(request.ProjectId).OpenApprovalAsync(request.ApprovalId);
        return Unit.Value;
    }

    public async Task<Unit> Handle(ApprovalClosed request, CancellationToken cancellationToken)
    {
        await Project(request.ProjectId).CloseApprovalAsync(request.ApprovalId);
        return Unit.Value;
    }

    private IProjectGrain Project(string id) => grains.GetGrain<IProjectGrain>(id);
}
