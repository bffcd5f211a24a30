using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediatR;

namespace Greenlight.Kernel.Messages;

/// <summary>
/// Every notification type the modules declare, by the name it is stored under: its Orleans
/// <see cref="AliasAttribute"/> when it has one (so renaming or moving the class keeps stored
/// messages readable), otherwise its full name.
/// </summary>
public sealed class MessageCatalog
{
    /// <summary>How messages are written into the outbox and into grain state: camelCase, enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);

    public MessageCatalog(IEnumerable<Assembly> assemblies)
    {
        var types = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(INotification).IsAssignableFrom(t));
        foreach (var type in types)
        {
            if (!_byName.TryAdd(Name(type), type))
                throw new InvalidOperationException($"Messages {_byName[Name(type)]} and {type} are both stored as '{Name(type)}'.");
        }
    }

    public static string Name(Type type) => type.GetCustomAttribute<AliasAttribute>()?.Alias ?? type.FullName ?? type.Name;

    public Type Resolve(string name) =>
        _byName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"No message type '{name}' is loaded on this host.");

    public string Serialize(INotification message) => JsonSerializer.Serialize(message, message.GetType(), Json);

    public INotification Deserialize(string name, string payload) => (INotification)JsonSerializer.Deserialize(payload, Resolve(name), Json)!;
}
