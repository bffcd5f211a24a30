using FluentValidation;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Tests.Harness;

namespace Greenlight.Kernel.Tests.Requests;

/// <summary>Any signed-in user may send it; answers with the greeting it made.</summary>
public sealed record Greet(string Name) : IRequest<string>, IAuthenticatedRequest;

internal sealed class GreetHandler(Journal journal) : IRequestHandler<Greet, string>
{
    public Task<string> Handle(Greet request, CancellationToken cancellationToken)
    {
        journal.Record("handler:" + request.Name);
        return Task.FromResult($"Hello, {request.Name}");
    }
}

/// <summary>Only a System Administrator may send it; its fields are validated.</summary>
public sealed record RenameProject(string ProjectName, IReadOnlyList<Stage> Stages) : IRequest, IAdministrativeRequest;

public sealed record Stage(string Title);

internal sealed class RenameProjectValidator : AbstractValidator<RenameProject>
{
    public RenameProjectValidator()
    {
        RuleFor(r => r.ProjectName).NotEmpty().WithMessage("A project needs a name.");
        RuleForEach(r => r.Stages).ChildRules(stage => stage.RuleFor(s => s.Title).MaximumLength(5).WithMessage("Too long."));
    }
}

internal sealed class RenameProjectHandler(Journal journal) : IRequestHandler<RenameProject, Unit>
{
    public Task<Unit> Handle(RenameProject request, CancellationToken cancellationToken)
    {
        journal.Record("handler:rename");
        return Unit.Task;
    }
}

public sealed record ProjectArchived(string Project) : INotification;

internal sealed class NotifyWatchersOfArchive(Journal journal) : INotificationHandler<ProjectArchived>
{
    public Task Handle(ProjectArchived notification, CancellationToken cancellationToken)
    {
        journal.Record("watchers:" + notification.Project);
        return Task.CompletedTask;
    }
}

internal sealed class IndexArchivedProject(Journal journal) : INotificationHandler<ProjectArchived>
{
    public Task Handle(ProjectArchived notification, CancellationToken cancellationToken)
    {
        journal.Record("index:" + notification.Project);
        return Task.CompletedTask;
    }
}

/// <summary>Records entering and leaving, to show where it sits in the pipeline. Registered only by the tests that use it.</summary>
internal sealed class OuterRecordingBehavior<TRequest, TResponse>(Journal journal) : IPipelineBehavior<TRequest, TResponse> where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        journal.Record("outer:before");
        var response = await next();
        journal.Record("outer:after");
        return response;
    }
}

internal sealed class InnerRecordingBehavior<TRequest, TResponse>(Journal journal) : IPipelineBehavior<TRequest, TResponse> where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        journal.Record("inner:before");
        var response = await next();
        journal.Record("inner:after");
        return response;
    }
}

/// <summary>Gives the same decision for every request from every user, so a test chooses what the authorization behaviour sees.</summary>
internal sealed class FixedAccessPolicy(AccessDecision decision) : IAccessPolicy
{
    public ValueTask<AccessDecision> DecideAsync(Principal principal, object request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(decision);
}

/// <summary>Any signed-in user may send it, then its two authorizers decide: each answers the verdict the request carries for it.</summary>
public sealed record Publish(string Text, AccessDecision First, AccessDecision Second) : IRequest<string>, IAuthenticatedRequest;

internal sealed class PublishValidator : AbstractValidator<Publish>
{
    public PublishValidator() => RuleFor(r => r.Text).NotEmpty().WithMessage("Publish something.");
}

internal sealed class PublishHandler(Journal journal) : IRequestHandler<Publish, string>
{
    public Task<string> Handle(Publish request, CancellationToken cancellationToken)
    {
        journal.Record("handler:publish");
        return Task.FromResult(request.Text);
    }
}

/// <summary>Registered first by the scan, as declared first.</summary>
internal sealed class FirstPublishAuthorizer(Journal journal) : IRequestAuthorizer<Publish>
{
    public ValueTask<AccessDecision> DecideAsync(Principal principal, Publish request, CancellationToken cancellationToken)
    {
        journal.Record("authorizer:first");
        return ValueTask.FromResult(request.First);
    }
}

internal sealed class SecondPublishAuthorizer(Journal journal) : IRequestAuthorizer<Publish>
{
    public ValueTask<AccessDecision> DecideAsync(Principal principal, Publish request, CancellationToken cancellationToken)
    {
        journal.Record("authorizer:second");
        return ValueTask.FromResult(request.Second);
    }
}

/// <summary>No module handles it.</summary>
public sealed record Unanswered : IRequest<string>, IAuthenticatedRequest;

/// <summary>No module listens to it.</summary>
public sealed record NobodyListens : INotification;
