using System.Reflection;

namespace Greenlight.Kernel.Grains;

/// <summary>Maps each grain interface to the one class implementing it, found by scanning the module assemblies.</summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainClass> _byInterface = [];

    public GrainTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        var classes = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t));
        var names = new Dictionary<string, Type>();
        foreach (var type in classes)
        {
            var grainClass = new GrainClass(type, type.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? type.FullName!);
            if (!names.TryAdd(grainClass.StorageName, type))
                throw new InvalidOperationException($"Grain classes {names[grainClass.StorageName]} and {type} share the type name '{grainClass.StorageName}'.");
            foreach (var contract in type.GetInterfaces().Where(i => i != typeof(IGrainWithStringKey) && typeof(IGrainWithStringKey).IsAssignableFrom(i)))
            {
                if (!_byInterface.TryAdd(contract, grainClass))
                    throw new InvalidOperationException($"Grain interface {contract} has two implementations: {_byInterface[contract].Type} and {type}.");
            }
        }
    }

    public IReadOnlyCollection<GrainClass> Classes => _byInterface.Values.Distinct().ToList();

    public GrainClass Resolve(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var grainClass)
            ? grainClass
            : throw new InvalidOperationException($"No grain class implements {grainInterface}; is its module loaded?");
}

public sealed record GrainClass(Type Type, string StorageName);
