using Greenlight.Kernel.Messages;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Kernel.Outbox;

/// <summary>The notification handlers registered in this host, by message type and by name as stored.</summary>
public sealed class OutboxRegistry
{
    private readonly Dictionary<Type, Type[]> _handlersByMessage;
    private readonly Dictionary<(string Message, string Handler), (Type Message, Type Handler)> _byName;

    private OutboxRegistry(IEnumerable<(Type Message, Type Handler)> pairs)
    {
        var list = pairs.Distinct().ToList();
        _handlersByMessage = list.GroupBy(p => p.Message).ToDictionary(g => g.Key, g => g.Select(p => p.Handler).ToArray());
        _byName = list.ToDictionary(p => (Name(p.Message), Name(p.Handler)));
    }

    public static OutboxRegistry From(IServiceCollection services) => new(services
        .Where(d => d.ServiceType.IsGenericType
                    && d.ServiceType.GetGenericTypeDefinition() == typeof(INotificationHandler<>)
                    && d.ImplementationType is not null)
        .Select(d => (d.ServiceType.GetGenericArguments()[0], d.ImplementationType!)));

    public static string Name(Type type) => MessageCatalog.Name(type);

    public IReadOnlyList<Type> HandlersOf(Type messageType) => _handlersByMessage.GetValueOrDefault(messageType, []);

    public bool TryResolve(string messageType, string handlerType, out (Type Message, Type Handler) types) =>
        _byName.TryGetValue((messageType, handlerType), out types);
}
