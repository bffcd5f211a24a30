namespace Greenlight.Modules.Access.Contracts;

[GenerateSerializer, Immutable, Alias("access.object-ref")]
public sealed record ObjectRef([property: Id(0)] ObjectType Type, [property: Id(1)] string Id)
{
    public override string ToString() => $"{Type} {Id}";
}
