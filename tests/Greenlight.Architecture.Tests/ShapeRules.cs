using System.Reflection;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using MediatR;
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

    [Fact]
    public void No_endpoint_sends_a_request_meant_only_for_modules()
    {
        var offending = Assemblies.ConcreteTypes.Where(t => typeof(IEndpoints).IsAssignableFrom(t))
            .SelectMany(t => ConstructedBy(t).Where(c => typeof(IModuleRequest).IsAssignableFrom(c)).Select(c => $"{t.FullName} creates {c.Name}"));
        Assert.Empty(offending);
    }

    [Fact]
    public void The_endpoint_rule_sees_what_an_endpoint_constructs()
    {
        Assert.Contains(typeof(Kernel.Security.Tokens.RevokeApiToken), ConstructedBy(typeof(Kernel.Security.Tokens.TokenEndpoints)));
    }

    /// <summary>Every type the class's code creates, its lambdas and async state machines (nested types) included.</summary>
    private static IEnumerable<Type> ConstructedBy(Type type)
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        return type.GetMethods(all).SelectMany(ConstructedTypes)
            .Concat(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(ConstructedBy));
    }

    /// <summary>The types a method body creates with <c>newobj</c>, read from its IL.</summary>
    private static IEnumerable<Type> ConstructedTypes(MethodInfo method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] != 0x73) continue; // newobj <ctor token>
            MethodBase? constructor;
            try
            {
                constructor = method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1),
                    method.DeclaringType?.GetGenericArguments(), method.GetGenericArguments());
            }
            catch (ArgumentException)
            {
                continue; // 0x73 inside another instruction's operand
            }
            if (constructor?.DeclaringType is { } type) yield return type;
        }
    }

    private static IEnumerable<Type> Requests() => Assemblies.ConcreteTypes.Where(t =>
        t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)));

    private static bool IsInitOnly(System.Reflection.MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit));
}
