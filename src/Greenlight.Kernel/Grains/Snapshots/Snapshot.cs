namespace Greenlight.Kernel.Grains.Snapshots;

/// <summary>An immutable copy of what a grain owns, and the version of the grain's state it was taken from.</summary>
/// <remarks>The alias of a generic type ends with its arity: Orleans writes "alias[[argument]]" on the wire and parses the arity back from it.</remarks>
[GenerateSerializer, Immutable, Alias("greenlight.snapshot`1")]
public sealed record Snapshot<T>([property: Id(0)] long Version, [property: Id(1)] T Value);
