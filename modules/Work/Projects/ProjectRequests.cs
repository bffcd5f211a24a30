using Greenlight.Modules.Work.Catalog;

namespace Greenlight.Modules.Work.Projects;

// CreateProject, GetProject, EditProject, ChangeProjectStatus, MoveProject, DeleteProject.

/// <summary>In a program (its portfolio follows), a portfolio, or at the top level when neither is given.</summary>
public sealed record CreateProject(
    string Name, string? Description = null, string? GroupId = null, string? OwnerId = null, string? ProgramId = null, string? PortfolioId = null,
    ProjectStatus Status = ProjectStatus.Planning)
    : IRequest<ProjectView>, ISecuredRequest, ITouchesOtherObjects, INamedFields
{
    [JsonIgnore] public AccessCheck Check => ProjectPlace.CreateIn(ProgramId, PortfolioId).First();

    /// <summary>A portfolio named beside a program (it must be the program's) is an object of its own to check.</summary>
    [JsonIgnore] public IEnumerable<AccessCheck> OtherChecks => ProjectPlace.CreateIn(ProgramId, PortfolioId).Skip(1);
}

public sealed record GetProject(string ProjectId) : IRequest<ProjectView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Project(ProjectId), AccessAction.View);
}

/// <summary>A partial edit: only the fields sent change.</summary>
public sealed record EditProject(string ProjectId, Set<string>? Name, Set<string?>? Description, Set<string?>? GroupId, Set<string?>? OwnerId)
    : IRequest<ProjectView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Project(ProjectId), AccessAction.Edit);
}

public sealed record ChangeProjectStatus(string ProjectId, ProjectStatus Status) : IRequest<ProjectView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Project(ProjectId), AccessAction.Update);
}

/// <summary>Into a program (its portfolio follows), a portfolio, or to the top level when both are null.</summary>
public sealed record MoveProject(string ProjectId, string? ProgramId, string? PortfolioId) : IRequest<ProjectView>, ISecuredRequest, ITouchesOtherObjects
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Project(ProjectId), AccessAction.Edit);

    /// <summary>Where it goes: the right to create a project there.</summary>
    [JsonIgnore] public IEnumerable<AccessCheck> OtherChecks => ProjectPlace.CreateIn(ProgramId, PortfolioId);
}

public sealed record DeleteProject(string ProjectId) : IRequest, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.Project(ProjectId), AccessAction.Delete);
}

internal static class ProjectPlace
{
    /// <summary>The rights a project needs where it is put: in the program, and in the portfolio if one is named too; else at the top level.</summary>
    public static IEnumerable<AccessCheck> CreateIn(string? programId, string? portfolioId)
    {
        if (programId is null && portfolioId is null) yield return AccessCheck.CreateAtTopLevel(ObjectType.Project);
        if (programId is not null) yield return AccessCheck.CreateIn(Secured.Program(programId), ObjectType.Project);
        if (portfolioId is not null) yield return AccessCheck.CreateIn(Secured.Portfolio(portfolioId), ObjectType.Project);
    }
}

public sealed class CreateProjectValidator : NamedFieldsValidator<CreateProject>
{
    public CreateProjectValidator(IGrainFactory grains, IMediator sender)
    {
        RuleFor(r => r.Status).IsInEnum();
        When(r => r.GroupId is not null, () => RuleFor(r => r.GroupId).MustBeId());
        When(r => r.OwnerId is not null, () => RuleFor(r => r.OwnerId).MustBeActiveUser(sender));
        this.PlacesProject(r => r.ProgramId, r => r.PortfolioId, grains);
    }
}

public sealed class EditProjectValidator : PartialEditValidator<EditProject>
{
    public EditProjectValidator(IMediator sender)
    {
        NameWhenSent(r => r.Name);
        DescriptionWhenSent(r => r.Description);
        // A project's group may be taken away (null); its owner may not.
        When(r => r.GroupId?.Value is not null, () => RuleFor(r => r.GroupId!.Value).MustBeId().OverridePropertyName(nameof(EditProject.GroupId)));
        WhenSent(r => r.OwnerId, rule => rule.MustBeActiveUser(sender));
    }
}

public sealed class ChangeProjectStatusValidator : AbstractValidator<ChangeProjectStatus>
{
    public ChangeProjectStatusValidator() => RuleFor(r => r.Status).IsInEnum();
}

public sealed class MoveProjectValidator : AbstractValidator<MoveProject>
{
    public MoveProjectValidator(IGrainFactory grains) => this.PlacesProject(r => r.ProgramId, r => r.PortfolioId, grains);
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
        await sender.RegisterAsync(Secured.Project(id), Secured.ProjectParent(programId, portfolioId), user, cancellationToken);
        return project;
    }

    public async Task<ProjectView> Handle(GetProject request, CancellationToken cancellationToken) =>
        await Project(request.ProjectId).FindAsync() ?? throw new NotFoundException($"Project '{request.ProjectId}'");

    public Task<ProjectView> Handle(EditProject request, CancellationToken cancellationToken) =>
        Project(request.ProjectId).EditAsync(request.Name, request.Description, request.GroupId, request.OwnerId);

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
