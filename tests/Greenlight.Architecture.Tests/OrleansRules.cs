using System.Reflection;
using Greenlight.Kernel.Grains;
using MediatR;

namespace Greenlight.Architecture.Tests;

/// <summary>Grains in the Orleans samples' style, and nothing crosses a grain call or reaches storage without a stable name.</summary>
public sealed class OrleansRules
{
    [Fact]
    public void The_rules_see_every_shipped_module_and_the_sample_plugin()
    {
        var names = Assemblies.Modules.Select(m => m.GetName().Name).ToList();
        Assert.Superset(new HashSet<string?>
        {
            "Greenlight.Modules.Access", "Greenlight.Modules.Work", "Greenlight.Modules.Review", "Greenlight.Modules.FrameConnector",
            "Greenlight.SamplePlugin",
        }, names.ToHashSet());
        Assert.NotEmpty(GrainClasses());
    }

    [Fact]
    public void Grain_classes_are_sealed_and_name_their_grain_type()
    {
        var offending = GrainClasses().Where(t => !t.IsSealed || t.GetCustomAttribute<GrainTypeAttribute>(inherit: false) is null);
        Assert.Empty(offending.Select(t => t.FullName));
    }

    [Fact]
    public void Grain_interfaces_and_their_methods_have_aliases()
    {
        var missing = GrainInterfaces().Where(i => i.GetCustomAttribute<AliasAttribute>(inherit: false) is null).Select(i => i.FullName!)
            .Concat(GrainInterfaces().SelectMany(i => i.GetMethods()).Where(m => m.GetCustomAttribute<AliasAttribute>(inherit: false) is null)
                .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}"));
        Assert.Empty(missing);
    }

    [Fact]
    public void Everything_crossing_a_grain_call_has_a_generated_serializer()
    {
        var crossing = GrainInterfaces().SelectMany(i => i.GetMethods())
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType));
        var offending = Reachable(crossing).Where(NeedsGeneratedSerializer).Where(t => !t.IsDefined(typeof(GenerateSerializerAttribute), false));
        Assert.Empty(offending.Select(t => t.FullName));
    }

    [Fact]
    public void Stored_states_are_serializable_with_a_stable_name()
    {
        var states = Assemblies.ConcreteTypes.Where(t => typeof(DurableState).IsAssignableFrom(t));
        var offending = Reachable(states).Where(NeedsGeneratedSerializer)
            .Where(t => !t.IsDefined(typeof(GenerateSerializerAttribute), false) || (typeof(DurableState).IsAssignableFrom(t) && t.GetCustomAttribute<AliasAttribute>(inherit: false) is null));
        Assert.NotEmpty(states);
        Assert.Empty(offending.Select(t => t.FullName));
    }

    [Fact]
    public void Messages_are_stored_under_an_alias()
    {
        var unnamed = Assemblies.ConcreteTypes.Where(t => typeof(INotification).IsAssignableFrom(t) && t.GetCustomAttribute<AliasAttribute>(inherit: false) is null);
        Assert.Empty(unnamed.Select(t => t.FullName));
    }

    private static IEnumerable<Type> GrainClasses() => Assemblies.ConcreteTypes.Where(t => typeof(Grain).IsAssignableFrom(t));

    private static IEnumerable<Type> GrainInterfaces() => Assemblies.All.SelectMany(a => a.GetTypes())
        .Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t) && t.Assembly != typeof(IGrain).Assembly
                    && t.GetMethods().Length > 0);

    /// <summary>Our own types (not enums: Orleans serializes those) that a serializer must handle.</summary>
    private static bool NeedsGeneratedSerializer(Type type) =>
        !type.IsEnum && !type.IsInterface && Assemblies.All.Contains(type.Assembly);

    /// <summary>The types given, their generic arguments and element types, and the types of their [Id] members, transitively.</summary>
    private static HashSet<Type> Reachable(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            if (type.IsGenericParameter || !seen.Add(type)) continue;
            if (type.HasElementType) pending.Push(type.GetElementType()!);
            foreach (var argument in type.GetGenericArguments()) pending.Push(argument);
            if (!Assemblies.All.Contains(type.Assembly)) continue;
            const BindingFlags members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
            foreach (var field in type.GetFields(members).Where(f => f.IsDefined(typeof(IdAttribute)))) pending.Push(field.FieldType);
            foreach (var property in type.GetProperties(members).Where(p => p.IsDefined(typeof(IdAttribute)))) pending.Push(property.PropertyType);
            if (type.BaseType is { } baseType) pending.Push(baseType);
        }
        return seen;
    }
}
