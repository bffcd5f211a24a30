namespace Greenlight.Modules.Access.Contracts;

public sealed record ObjectRef(ObjectType Type, string Id)
{
    public override string ToString() => $"{Type} {Id}";
}
