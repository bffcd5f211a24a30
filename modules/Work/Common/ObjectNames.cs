namespace Greenlight.Modules.Work.Common;

/// <summary>Answers the Access module's <see cref="NameObjects"/> from the work objects' rows.</summary>
internal sealed class NameObjectsHandler(IStore store) : IRequestHandler<NameObjects, IReadOnlyDictionary<ObjectRef, string>>
{
    public async Task<IReadOnlyDictionary<ObjectRef, string>> Handle(NameObjects request, CancellationToken cancellationToken)
    {
        var names = new Dictionary<ObjectRef, string>();
        if (request.Objects.Count == 0) return names;
        var wanted = request.Objects.ToHashSet();
        var ids = request.Objects.Select((o, i) => ($"id{i}", (object?)o.Id)).ToArray();
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT object_type, id, name FROM work_objects WHERE id IN ({string.Join(", ", ids.Select(p => "@" + p.Item1))})", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Enum.TryParse<ObjectType>(reader.GetString(0), out var type) && new ObjectRef(type, reader.GetString(1)) is var obj && wanted.Contains(obj))
                names[obj] = reader.GetString(2);
        }
        return names;
    }
}
