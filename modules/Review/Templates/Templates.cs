using Orleans.Concurrency;

namespace Greenlight.Modules.Review.Templates;

// CreateTemplate, ListTemplates, GetTemplate: reusable approval templates of the setup area, made and read by
// users with a Standard license. A template is one path of stages; due dates are workdays from the stage's opening.

[GenerateSerializer, Immutable, Alias("review.template-view")]
public sealed record TemplateView([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? Message, [property: Id(3)] IReadOnlyList<StageSpec> Stages, [property: Id(4)] string CreatedBy, [property: Id(5)] DateTimeOffset CreatedAt);

[GenerateSerializer, Alias("review.template-catalog-state")]
public sealed class TemplateCatalogState : DurableState
{
    [Id(0)]
    public Dictionary<string, TemplateView> Templates { get; set; } = [];
}

/// <summary>One grain for the organization's templates: few, small, read together.</summary>
[Alias("review.templates")]
public interface ITemplateCatalogGrain : IGrainWithStringKey
{
    [Alias("add")]
    Task<TemplateView> AddAsync(TemplateView template);

    [Alias("list"), ReadOnly]
    Task<IReadOnlyList<TemplateView>> ListAsync();

    [Alias("find"), ReadOnly]
    Task<TemplateView?> FindAsync(string templateId);
}

[GrainType("review.templates")]
public sealed class TemplateCatalogGrain : DurableGrain<TemplateCatalogState>, ITemplateCatalogGrain
{
    public const string Key = "organization";

    public async Task<TemplateView> AddAsync(TemplateView template)
    {
        if (State.Templates.Values.Any(t => string.Equals(t.Name, template.Name, StringComparison.OrdinalIgnoreCase)))
            throw new ConflictException($"A template named '{template.Name}' exists.");
        State.Templates.Add(template.Id, template);
        await WriteStateAsync();
        return template;
    }

    public Task<IReadOnlyList<TemplateView>> ListAsync() =>
        Task.FromResult<IReadOnlyList<TemplateView>>([.. State.Templates.Values.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)]);

    public Task<TemplateView?> FindAsync(string templateId) => Task.FromResult(State.Templates.GetValueOrDefault(templateId));
}

public sealed record CreateTemplate(string Name, string? Message, IReadOnlyList<StageSpec> Stages) : IRequest<TemplateView>, IAuthenticatedRequest;

public sealed record ListTemplates : IRequest<IReadOnlyList<TemplateView>>, IAuthenticatedRequest;

public sealed record GetTemplate(string TemplateId) : IRequest<TemplateView>, IAuthenticatedRequest;

public sealed class CreateTemplateValidator : AbstractValidator<CreateTemplate>
{
    public CreateTemplateValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Message).MustBeMessage();
        this.MustBeStages(r => r.Stages);
        RuleForEach(r => r.Stages).Must(s => s?.DueAt is null).WithMessage("A template's stages are due in workdays (dueInWorkdays), never at a date.");
    }
}

/// <summary>The setup area's templates are for users with a Standard license (who start approvals).</summary>
internal sealed class TemplateAuthorizer(IMediator sender) :
    IRequestAuthorizer<CreateTemplate>, IRequestAuthorizer<ListTemplates>, IRequestAuthorizer<GetTemplate>
{
    public ValueTask<AccessDecision> DecideAsync(Principal principal, CreateTemplate request, CancellationToken cancellationToken) =>
        DecideAsync(principal, cancellationToken);

    public ValueTask<AccessDecision> DecideAsync(Principal principal, ListTemplates request, CancellationToken cancellationToken) =>
        DecideAsync(principal, cancellationToken);

    public ValueTask<AccessDecision> DecideAsync(Principal principal, GetTemplate request, CancellationToken cancellationToken) =>
        DecideAsync(principal, cancellationToken);

    private async ValueTask<AccessDecision> DecideAsync(Principal principal, CancellationToken ct) =>
        await sender.StartsApprovalsAsync(principal.UserId, ct)
            ? AccessDecision.Allow("Standard license")
            : AccessDecision.Deny("Approval templates are for users with a Standard license.");
}

internal sealed class TemplateHandlers(IGrainFactory grains, ICurrentPrincipal current, TimeProvider clock) :
    IRequestHandler<CreateTemplate, TemplateView>, IRequestHandler<ListTemplates, IReadOnlyList<TemplateView>>, IRequestHandler<GetTemplate, TemplateView>
{
    public Task<TemplateView> Handle(CreateTemplate request, CancellationToken cancellationToken) =>
        Catalog.AddAsync(new TemplateView(Guid.CreateVersion7().ToString("N"), request.Name, request.Message, request.Stages, current.UserId(), clock.GetUtcNow()));

    public Task<IReadOnlyList<TemplateView>> Handle(ListTemplates request, CancellationToken cancellationToken) => Catalog.ListAsync();

    public async Task<TemplateView> Handle(GetTemplate request, CancellationToken cancellationToken) =>
        await Catalog.FindAsync(request.TemplateId) ?? throw new NotFoundException($"Template '{request.TemplateId}'");

    private ITemplateCatalogGrain Catalog => grains.GetGrain<ITemplateCatalogGrain>(TemplateCatalogGrain.Key);
}

public sealed class TemplateEndpoints : IEndpoints
{
    public sealed record Body(string Name, IReadOnlyList<StageSpec> Stages, string? Message = null);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var templates = api.MapGroup("/approval-templates").WithTags("Approval templates");
        templates.MapPost("/", async Task<Created<TemplateView>> (IMediator sender, Body body, CancellationToken ct) =>
        {
            var created = await sender.Send(new CreateTemplate(body.Name, body.Message, body.Stages), ct);
            return TypedResults.Created($"/api/v1/approval-templates/{created.Id}", created);
        }).WithName("CreateApprovalTemplate");
        templates.MapGet("/", async Task<Ok<IReadOnlyList<TemplateView>>> (IMediator sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListTemplates(), ct))).WithName("ListApprovalTemplates");
        templates.MapGet("/{templateId}", async Task<Ok<TemplateView>> (IMediator sender, string templateId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetTemplate(templateId), ct))).WithName("GetApprovalTemplate");
    }
}
