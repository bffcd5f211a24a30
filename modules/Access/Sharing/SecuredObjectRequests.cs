using FluentValidation;
using Greenlight.Kernel.Grains;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;

namespace Greenlight.Modules.Access.Sharing;

// The requests other modules send when objects appear, move and go. Cross-container steps are
// taken here, one grain at a time, so grains only ever call upwards.

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

public sealed class SecuredObjectHandlers(IGrainFactory grains, ICurrentPrincipal current) :
    IRequestHandler<RegisterSecuredObject, Unit>, IRequestHandler<MoveSecuredObject, Unit>, IRequestHandler<RemoveSecuredObject, Unit>
{
    /// <summary>The creator gets Manage on it; a container is also listed with the container above it.</summary>
    public async Task<Unit> Handle(RegisterSecuredObject request, CancellationToken cancellationToken)
    {
        var (obj, parent) = (request.Object, request.Parent);
        await grains.Container(obj.Container).RegisterAsync(obj.Object, parent?.Object, new Grant(Grantee.User(request.CreatorUserId), Permission.Manage), current.ActorId());
        if (obj.Object == obj.Container && parent is not null)
            await grains.Container(parent.Container).AddChildContainerAsync(obj.Container);
        return Unit.Value;
    }

    public async Task<Unit> Handle(MoveSecuredObject request, CancellationToken cancellationToken)
    {
        var (obj, newParent) = (request.Object, request.NewParent);
        var from = grains.Container(obj.Container);
        if (obj.Object == obj.Container)
        {
            var oldParent = await from.SetParentContainerAsync(newParent?.Object, current.ActorId());
            if (oldParent is not null) await grains.Container(oldParent).RemoveChildContainerAsync(obj.Container);
            if (newParent is not null) await grains.Container(newParent.Container).AddChildContainerAsync(obj.Container);
        }
        else if (newParent!.Container == obj.Container)
            await from.MoveWithinAsync(obj.Object, newParent.Object, current.ActorId());
        else
        {
            var nodes = await from.DetachAsync(obj.Object, current.ActorId());
            await grains.Container(newParent.Container).AttachAsync(nodes, newParent.Object, current.ActorId());
        }
        return Unit.Value;
    }

    public async Task<Unit> Handle(RemoveSecuredObject request, CancellationToken cancellationToken)
    {
        var obj = request.Object;
        if (obj.Object == obj.Container && await grains.Container(obj.Container).ParentContainerAsync() is { } parent)
            await grains.Container(parent).RemoveChildContainerAsync(obj.Container);
        await ContainerCascade.RunAsync(obj.Container, obj.Object, (grain, target) => grain.RemoveAsync(target, current.ActorId()), grains);
        return Unit.Value;
    }
}

/// <summary>Runs a step on an object, then on every container below it that the step hands back, breadth first.</summary>
public static class ContainerCascade
{
    public static async Task RunAsync(ObjectRef container, ObjectRef obj, Func<IContainerGrain, ObjectRef, Task<IReadOnlyList<ObjectRef>>> step, IGrainFactory grains)
    {
        var pending = new Queue<(ObjectRef Container, ObjectRef Object)>([(container, obj)]);
        while (pending.TryDequeue(out var next))
        {
            foreach (var child in await step(grains.Container(next.Container), next.Object))
                pending.Enqueue((child, child));
        }
    }
}
