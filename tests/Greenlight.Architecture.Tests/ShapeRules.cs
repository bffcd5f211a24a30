using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Mediator;
using Greenlight.Kernel.Security;

namespace Greenlight.Architecture.Tests;

public sealed class ShapeRules
{
    private static readonly Type[] HandlerInterfaces = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];

    [Fact]
    public void Every_request_declares_who_may_send_it()
    {
        var undeclared = Requests().Where(t => !t.GetInterfaces().Any(i => i.IsDefined(typeof(AuthorizationRequirementAttribute), false)));
        Assert.Empty(undeclared.Select(t => t.FullName));
    }

    [Fact]
    public void Requests_and_notifications_are_immutable_records()
    {
        var messages = Requests().Concat(Assemblies.ConcreteTypes.Where(t => typeof(INotification).IsAssignableFrom(t)));
        var notRecords = messages.Where(t => t.GetMethod("<Clone>$") is null || t.GetProperties().Any(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter)));
        Assert.Empty(notRecords.Select(t => t.FullName));
    }

    [Fact]
    public void Handlers_and_grains_are_sealed()
    {
        var open = Assemblies.ConcreteTypes
            .Where(t => typeof(Grain).IsAssignableFrom(t) || t.GetInterfaces().Any(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            .Where(t => !t.IsSealed);
        Assert.Empty(open.Select(t => t.FullName));
    }

    [Fact]
    public void Grain_interfaces_are_asynchronous()
    {
        var grainInterfaces = Assemblies.All.SelectMany(a => a.GetTypes())
            .Where(t => t.IsInterface && typeof(IGrainWithStringKey).IsAssignableFrom(t) && t != typeof(IGrainWithStringKey));
        var synchronous = grainInterfaces.SelectMany(i => i.GetMethods())
            .Where(m => m.ReturnType != typeof(Task) && !(m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)));
        Assert.NotEmpty(grainInterfaces);
        Assert.Empty(synchronous.Select(m => $"{m.DeclaringType}.{m.Name}"));
    }

    private static IEnumerable<Type> Requests() => Assemblies.ConcreteTypes.Where(t =>
        t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)));

    private static bool IsInitOnly(System.Reflection.MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit));
}
