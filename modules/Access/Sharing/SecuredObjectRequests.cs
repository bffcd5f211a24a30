using FluentValidation;
using Greenlight.Kernel.Errors;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;

namespace Greenlight.Modules.Access.Sharing;

// The requests other modules send when objects appear, move and go. Each writes one secured object's grain;
// what needs the rest of the tree (the parent exists, a move makes no cycle) is checked here, from the snapshots.

public sealed class RegisterSecuredObjectValidator : AbstractValidator<RegisterSecuredObject>
{
    public RegisterSecuredObjectValidator()
    {
        RuleFor(r => r.CreatorUserId).NotEmpty();
        RuleFor(r => r.Object).Must((r, obj) => Placement.Error(obj, r.Parent) is null)
            .WithMessage(r => Placement.Error(r.Object, r.Parent) ?? "");
    }
}

public sealed class MoveSecuredObjectValidator : AbstractValidator<MoveSecuredObject>
{
    public MoveSecuredObjectValidator() =>
        RuleFor(r => r.Object).Must((r, obj) => Placement.Error(obj, r.NewParent, moving: true) is null)
            .WithMessage(r => Placement.Error(r.Object, r.NewParent, moving: true) ?? "");
}

public sealed class SecuredObjectHandlers(IGrainFactory grains, SecuredTree tree, ICurrentPrincipal current) :
    IRequestHandler<RegisterSecuredObject, Unit>, IRequestHandler<MoveSecuredObject, Unit>, IRequestHandler<RemoveSecuredObject, Unit>
{
    /// <summary>The creator gets Manage on it.</summary>
    public async Task<Unit> Handle(RegisterSecuredObject request, CancellationToken cancellationToken)
    {
        if (request.Parent is { } parent) _ = await tree.LineageAsync(parent) ?? throw new NotFoundException($"The parent {parent}");
        await grains.SecuredObject(request.Object.Object).RegisterAsync(
            KeyOf(request.Parent), new Grant(Grantee.User(request.CreatorUserId), Permission.Manage), current.ActorId());
        return Unit.Value;
    }

    /// <summary>One write, whatever moves with the object: what lies below it finds its way up through it.</summary>
    public async Task<Unit> Handle(MoveSecuredObject request, CancellationToken cancellationToken)
    {
        var (obj, newParent) = (request.Object, request.NewParent);
        _ = await tree.LineageAsync(obj) ?? throw new NotFoundException($"The object {obj}");
        if (newParent is not null)
        {
            var above = await tree.LineageAsync(newParent) ?? throw new NotFoundException($"The object {newParent}");
            if (above.Path.Contains(obj.Object)) throw new ConflictException($"{obj.Object} cannot move under itself or one of its children.");
        }
        await grains.SecuredObject(obj.Object).MoveAsync(KeyOf(newParent), current.ActorId());
        return Unit.Value;
    }

    /// <summary>Nothing happens to an object that is not (or no longer) there.</summary>
    public async Task<Unit> Handle(RemoveSecuredObject request, CancellationToken cancellationToken)
    {
        if (await tree.LineageAsync(request.Object) is not null) await grains.SecuredObject(request.Object.Object).RemoveAsync(current.ActorId());
        return Unit.Value;
    }

    private static string? KeyOf(SecuredRef? obj) => obj is null ? null : ObjectKeys.Of(obj.Object);
}
