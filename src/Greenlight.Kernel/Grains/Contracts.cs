namespace Greenlight.Kernel.Grains;

// Shaped like Orleans: a grain is addressed by interface and key; the runtime finds or creates its
// single activation on this host and runs calls to it one at a time.

public interface IGrain;

public interface IGrainWithStringKey : IGrain;

public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey;
}

/// <summary>
/// The grain's name in storage. Give one to every grain with state so renaming the class keeps
/// its rows; without it the class's full name is used.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Identifies an activation: the grain type's storage name and the key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}

public enum DeactivationReason { Idle, CapacityExceeded, StaleState, Requested, ShuttingDown }

/// <summary>A state write lost the race: the stored version is newer than the one this activation read.</summary>
public sealed class InconsistentStateException(GrainId grain, string? expectedEtag)
    : Errors.ConflictException($"The state of {grain} changed since it was read (expected version {expectedEtag ?? "none"}); retry the request.")
{
    public GrainId Grain { get; } = grain;
}
