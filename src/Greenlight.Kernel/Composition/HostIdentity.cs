namespace Greenlight.Kernel.Composition;

/// <summary>This host process's identity among the hosts sharing a store (it signs the outbox claims it takes).</summary>
public sealed record HostIdentity(string Id)
{
    public static HostIdentity New() => new($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}");
}
